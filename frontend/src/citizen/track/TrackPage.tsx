import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextInput } from '../../components/fields';
import { formatDate, formatDateTime, HttpError, request, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNELS, FREQUENCIES, labelOf } from '../report/model';
import { normaliseCode, normaliseReference, NOT_FOUND, tooManyMessage, validateTrack, type Tracking } from './tracking';

export function TrackPage() {
  // Only the reference may come from the URL: the code is a secret and must not sit in history or logs.
  const [params] = useSearchParams();
  const [reference, setReference] = useState(params.get('reference') ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<Tracking | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateTrack(reference, code);
    if (found.length) return setErrors(found);
    try {
      const ref = normaliseReference(reference);
      const tracking = await request<Tracking>(`/api/v1/cases/${encodeURIComponent(ref)}/tracking`, {
        headers: { 'X-Tracking-Code': normaliseCode(code), Accept: 'application/json' },
      });
      setErrors([]);
      setResult(tracking);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 0;
      const message =
        status === 404
          ? NOT_FOUND
          : status === 429
            ? tooManyMessage((e as HttpError).headers.get('Retry-After'))
            : 'Sorry, there is a problem with the service. Try again later.';
      setErrors([{ field: status === 429 || status === 404 ? 'reference' : '', message }]);
    }
  };

  if (result) return <TrackingResult tracking={result} />;
  return <TrackForm {...{ reference, setReference, code, setCode, errors, submit }} />;
}

interface FormProps {
  reference: string;
  setReference: (v: string) => void;
  code: string;
  setCode: (v: string) => void;
  errors: FieldError[];
  submit: (e: FormEvent) => void;
}

function TrackForm({ reference, setReference, code, setCode, errors, submit }: FormProps) {
  const h1 = usePage('Track your report', errors.length > 0);
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          Track your report
        </h1>
        <p className="govuk-body">You need the reference number and tracking code we gave you when you reported.</p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="reference"
            label="Reference number"
            hint="For example, BL-2026-000123"
            width="govuk-input--width-20"
            spellCheck={false}
            autoComplete="off"
            value={reference}
            onChange={setReference}
            error={err('reference')}
          />
          <TextInput
            id="trackingCode"
            label="Tracking code"
            hint="For example, 7KQ4-M2XP-9HTD"
            width="govuk-input--width-20"
            spellCheck={false}
            autoComplete="off"
            value={code}
            onChange={setCode}
            error={err('trackingCode')}
          />
          <Button>Track report</Button>
        </form>
      </div>
    </div>
  );
}

function TrackingResult({ tracking: t }: { tracking: Tracking }) {
  const h1 = usePage(`Report ${t.reference}`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t.categoryLabel}</span>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          Report {t.reference}
        </h1>
        <dl className="govuk-summary-list">
          <Row k="Status" v={<strong className="govuk-tag govuk-tag--blue">{t.statusLabel}</strong>} />
          <Row k="Reported" v={formatDateTime(t.reportedAt)} />
          {t.nextUpdateDue && <Row k="Next update due by" v={formatDate(t.nextUpdateDue)} />}
          <Row k="How you get updates" v={labelOf(CHANNELS, t.updateChannel)} />
          <Row k="How often" v={labelOf(FREQUENCIES, t.updateFrequency)} />
        </dl>
        <h2 className="govuk-heading-m">What has happened so far</h2>
        <ol className="govuk-list app-timeline" reversed>
          {[...t.timeline].reverse().map((item) => (
            <li key={item.at + item.title} className="app-timeline__item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.title}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              </p>
              {item.detail && <p className="govuk-body">{item.detail}</p>}
            </li>
          ))}
        </ol>
        <p className="govuk-body">If anyone is in danger, call 999.</p>
      </div>
    </div>
  );
}

const Row = ({ k, v }: { k: string; v: ReactNode }) => (
  <div className="govuk-summary-list__row">
    <dt className="govuk-summary-list__key">{k}</dt>
    <dd className="govuk-summary-list__value">{v}</dd>
  </div>
);
