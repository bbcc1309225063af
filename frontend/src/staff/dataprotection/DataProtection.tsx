import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import type { FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { Section } from '../WorkspaceForms';
import { getErasures, type Erasure, type ErasureRow } from './dataProtectionApi';
import { scrubState } from './dataProtectionLogic';
import { EraseForm } from './EraseForm';
import { ErasureTable } from './ErasureTable';
import { SubjectAccessForm } from './SubjectAccessForm';

export const POLL_MS = 2000;

/** The information-management officer's page: subject access exports, erasures, and the erasures made. */
export function DataProtectionPage() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [rows, setRows] = useState<ErasureRow[] | null>(null);
  const [done, setDone] = useState<{ erasure: Erasure; who: string } | null>(null);
  const [tick, setTick] = useState(0);
  const h1 = usePage('Data protection', errors.length > 0);
  const banner = useRef<HTMLDivElement>(null);

  useEffect(() => {
    getErasures().then(setRows, () => (setRows([]), setErrors([{ field: '', message: 'The erasures could not be loaded. Try again later.' }])));
  }, [tick]);
  // Rebuilds that scrub an erasure take a while: ask again until every one has finished.
  useEffect(() => {
    if (!rows?.some((r) => scrubState(r.rebuilds).pending)) return;
    const timer = setTimeout(() => setTick((t) => t + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [rows]);
  useEffect(() => banner.current?.focus(), [done]);

  const erased = (erasure: Erasure, who: string) => {
    setDone({ erasure, who });
    setTick((t) => t + 1);
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {done && (
        <div
          className="govuk-notification-banner govuk-notification-banner--success"
          role="alert"
          aria-labelledby="erased-title"
          ref={banner}
          tabIndex={-1}
          data-testid="erased"
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="erased-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">The personal data of {done.who} has been erased</p>
            <p className="govuk-body">
              Its key is destroyed. The read models are being rebuilt without it: the list of erasures below shows when that is done.
            </p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Data protection
      </h1>
      <p className="govuk-body">
        Answer a subject access request, or erase a person's data where the law requires it. Both are recorded; see{' '}
        <Link className="govuk-link" to="/staff/audit/access">
          the access log
        </Link>{' '}
        for who looked at what.
      </p>
      {/* An export made before an erasure no longer says what is held: a fresh form after each one. */}
      <SubjectAccessForm key={done?.erasure.erasureId ?? ''} ctx={{ errors, setErrors }} />
      <EraseForm errors={errors} setErrors={setErrors} onErased={erased} />
      <Section id="erasures-heading" title="Erasures">
        <ErasureTable rows={rows} />
      </Section>
    </>
  );
}
