import { useState } from 'react';
import type { Schema } from '../../api/contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import type { FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNEL_NAMES } from '../api';
import { ReviewQueue, type QueueKind } from './ReviewQueue';

/** A row of GET /api/v1/staff/retention/reviews: no personal data, only what the review needs. */
export type Review = Schema<'CaseRetentionReview'>;

/** A row of GET /api/v1/staff/retention/contacts: a contact that never became part of a case. */
export type ContactReview = Schema<'ContactRetentionReview'>;

const CASES: QueueKind<Review> = {
  noun: 'case',
  path: '/api/v1/staff/retention/reviews',
  prefix: 'review',
  heading: 'Closed cases',
  id: (r) => r.reference,
  label: (r) => r.reference,
  columns: [
    ['Case', (r) => r.reference],
    ['Category', (r) => r.category],
  ],
  reviewDueAt: (r) => r.reviewDueAt,
  overdue: (r) => r.overdue,
};

const contactLabel = (r: ContactReview) => `${CHANNEL_NAMES[r.channel] ?? r.channel} ${r.contactId.slice(0, 8)}`;

const CONTACTS: QueueKind<ContactReview> = {
  noun: 'contact',
  path: '/api/v1/staff/retention/contacts',
  prefix: 'contact-review',
  heading: 'Contacts that are part of no case',
  id: (r) => r.contactId,
  label: contactLabel,
  columns: [['Contact', contactLabel]],
  reviewDueAt: (r) => r.reviewDueAt,
  overdue: (r) => r.overdue,
};

/**
 * MoPI review, retention and disposal: each closed case whose retention period has ended, and each
 * contact that never became part of a case a year after it closed, is kept with a reason and a new
 * review date, or disposed of, which erases the person's data.
 */
export function RetentionReviewsPage() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const h1 = usePage('Retention reviews', errors.length > 0);
  const shared = { errors, setErrors, onDone: setDone };
  return (
    <>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" data-testid="reviewed">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Retention reviews
      </h1>
      <p className="govuk-body">
        Closed cases whose retention period has ended (Management of Police Information: review, retention and disposal), and contacts that never
        became part of a case, a year after they closed. Keep what is still needed for a policing purpose or a complaint, or dispose of it.
      </p>
      <ReviewQueue kind={CASES} {...shared} />
      <ReviewQueue kind={CONTACTS} {...shared} />
    </>
  );
}
