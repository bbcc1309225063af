import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { WarningText } from '../../components/SummaryList';
import { Button } from '../../components/fields';
import { fieldErrors, formatDate, HttpError, request, sendJson, type FieldError } from '../../lib/http';
import type { AnswerOf } from '../../api/contract';
import { usePage } from '../../lib/page';
import { CATEGORIES, CHANNELS, FREQUENCIES, labelOf, PAGES, type ReportData } from './model';
import { CaseFiles, type SentFile } from '../track/CaseFiles';
import { useReport, type Confirmation } from './ReportContext';
import { linkToPage, toRequest, validateAll } from './validation';

const SERVICE_DOWN = 'Sorry, there is a problem with the service. Your report has not been sent. Try again in a few minutes.';

/** Maps a 400 from the API onto links to the pages holding the fields. */
export function serverErrors(body: unknown): FieldError[] {
  const list = (body as { errors?: FieldError[] } | undefined)?.errors;
  if (!Array.isArray(list) || !list.length) return [{ field: '', message: SERVICE_DOWN }];
  return list.map((e) => linkToPage({ field: String(e.field ?? ''), message: String(e.message ?? 'Check this answer') }));
}

function rows(d: ReportData): [string, string, string, string][] {
  const date = `${d.day}/${d.month}/${d.year}`;
  return [
    ['Anyone in immediate danger', d.anyoneInDanger === 'yes' ? 'Yes' : 'No', PAGES.danger, 'anyoneInDanger'],
    ['What you are reporting', labelOf(CATEGORIES, d.category), PAGES.what, 'category'],
    ['What happened', d.description, PAGES.what, 'description'],
    ['Where it happened', d.location, PAGES.where, 'location'],
    ['Date', date, PAGES.when, 'occurredOn-day'],
    ['Time', d.occurredTime || 'Not given', PAGES.when, 'occurredTime'],
    ['Your name', d.giveName === 'yes' ? d.name : 'Not given', PAGES.about, 'giveName'],
    ['Email address', d.email || 'Not given', PAGES.about, 'email'],
    ['Phone number', d.phone || 'Not given', PAGES.about, 'phone'],
    ['How you want updates', labelOf(CHANNELS, d.updateChannel), PAGES.updates, 'updateChannel'],
    ['How often', labelOf(FREQUENCIES, d.updateFrequency), PAGES.updates, 'updateFrequency'],
  ];
}

export function CheckPage() {
  const { data, idempotencyKey, complete, confirmation } = useReport();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const sending = useRef(false);
  const navigate = useNavigate();
  const h1 = usePage('Check your answers before sending your report', errors.length > 0);

  // Once sent, the answers are cleared on purpose: whichever render comes first after that,
  // the confirmation page takes over (a component ref would not survive a remount).
  if (confirmation) return <Navigate to={PAGES.confirmation} replace />;
  // A reload empties the answers (they are never stored), so start again.
  if (!data.anyoneInDanger) return <Navigate to={PAGES.danger} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    const local = validateAll(data).map(linkToPage);
    if (local.length) return setErrors(local);
    sending.current = true;
    try {
      const result = await request<Confirmation>('/api/v1/reports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() },
        body: JSON.stringify(toRequest(data)),
      });
      complete(result);
      navigate(PAGES.confirmation);
    } catch (e) {
      // 413 and 429 explain themselves (too large; too many, and when to try again).
      const refused = e instanceof HttpError && (e.status === 413 || e.status === 429);
      setErrors(
        e instanceof HttpError && e.status === 400 ? serverErrors(e.body) : refused ? fieldErrors(e) : [{ field: '', message: SERVICE_DOWN }],
      );
    } finally {
      sending.current = false;
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Check your answers before sending your report
      </h1>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        {rows(data).map(([key, value, page, field]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value app-pre-wrap">{value}</dd>
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={`${page}?change=1#${field}`}>
                Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="govuk-heading-m">Now send your report</h2>
      <p className="govuk-body">By sending this report you confirm that, to the best of your knowledge, the details you are providing are correct.</p>
      <form noValidate onSubmit={submit}>
        <Button>Submit report</Button>
      </form>
    </>
  );
}

const sendCode = (reference: string, code: string) =>
  sendJson<AnswerOf<'/api/v1/cases/{reference}/send-code', 'post', 200>>(
    'POST',
    `/api/v1/cases/${encodeURIComponent(reference)}/send-code`,
    undefined,
    { 'X-Tracking-Code': code },
  );

/** Copies both to the clipboard and says how that went; a browser without one is told to write them down. */
export function copyReferenceAndCode(reference: string, code: string, say: (status: string) => void) {
  const failed = () => say('They could not be copied: write them down instead.');
  if (!navigator.clipboard) return failed();
  navigator.clipboard.writeText(`${reference} ${code}`).then(() => say('Your reference and code are copied.'), failed);
}

/** Groups of four that never break inside: a code split over two lines gets copied wrong. */
export function TrackingCode({ code }: { code: string }) {
  const groups = code.split('-');
  return (
    <>
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              -<wbr />
            </>
          )}
          <span className="app-tracking-code__group">{group}</span>
        </Fragment>
      ))}
    </>
  );
}

export function ConfirmationPage() {
  const { confirmation } = useReport();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Report sent', errors.length > 0);
  const [codeStatus, setCodeStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<SentFile[]>([]);
  const send = async () => {
    if (!confirmation) return;
    setSending(true);
    try {
      const { sentBy } = await sendCode(confirmation.reference, confirmation.trackingCode);
      setCodeStatus(
        sentBy === 'EMAIL'
          ? 'We have sent your reference and code to the email address you gave.'
          : 'We have sent your reference and code by text message to the number you gave.',
      );
    } catch (e) {
      setCodeStatus(fieldErrors(e)[0]?.message ?? 'We could not send them. Write them down instead.');
    } finally {
      setSending(false);
    }
  };
  if (!confirmation) return <Navigate to="/" replace />;
  const { reference, trackingCode, nextUpdateDue } = confirmation;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title" ref={h1} tabIndex={-1}>
            Report sent
          </h1>
          <div className="govuk-panel__body">
            Your reference number
            <br />
            <strong data-testid="reference">{reference}</strong>
          </div>
        </div>

        <h2 className="govuk-heading-m">Your tracking code</h2>
        <WarningText>
          Write this code down, copy it or print this page now. We show it again only in this browser tab, until you close it or use Leave this site.
        </WarningText>
        <p className="govuk-body app-tracking-code" data-testid="tracking-code">
          <TrackingCode code={trackingCode} />
        </p>
        <p className="govuk-body">You need your reference number and this code to track your report.</p>
        <div className="govuk-button-group app-no-print">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => copyReferenceAndCode(reference, trackingCode, setCodeStatus)}
          >
            Copy reference and code
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
            Print this page
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={send} disabled={sending}>
            Send them to me by email or text
          </button>
        </div>
        <p className="govuk-body" role="status" data-testid="code-status">
          {codeStatus}
        </p>

        <CaseFiles
          optional
          reference={reference}
          code={trackingCode}
          files={files}
          setErrors={setErrors}
          onSent={(file) => setFiles((sent) => [...sent, file])}
        />

        <h2 className="govuk-heading-m">What happens next</h2>
        {nextUpdateDue && (
          <p className="govuk-body">
            We will update you by <strong>{formatDate(nextUpdateDue)}</strong>.
          </p>
        )}
        <p className="govuk-body">
          Someone will look at your report and decide what to do next. If anything changes and someone is in danger, call 999.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/track?reference=${encodeURIComponent(reference)}`}>
            Track your report
          </Link>
        </p>
      </div>
    </div>
  );
}
