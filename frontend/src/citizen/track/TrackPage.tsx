import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextInput } from '../../components/fields';
import { HttpError, request, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CODE_FORMAT, normaliseCode, normaliseReference, NOT_FOUND, tooManyMessage, trackingUrl, validateTrack, type Tracking } from './tracking';
import { TrackingResult } from './TrackingResult';

const fetchTracking = (ref: string, code: string) =>
  request<Tracking>(trackingUrl(ref), { headers: { 'X-Tracking-Code': code, Accept: 'application/json' } });

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
      const tracking = await fetchTracking(ref, normaliseCode(code));
      setErrors([]);
      setResult(tracking);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 0;
      // The server names the header; on this page it is the tracking code field.
      if (status === 400) return setErrors([{ field: 'trackingCode', message: CODE_FORMAT }]);
      const message =
        status === 404
          ? NOT_FOUND
          : status === 429
            ? tooManyMessage((e as HttpError).headers.get('Retry-After'))
            : 'Sorry, there is a problem with the service. Try again later.';
      setErrors([{ field: status === 429 || status === 404 ? 'reference' : '', message }]);
    }
  };

  // The code stays in this component's memory only, for the calls the result page makes.
  if (result) {
    const secret = normaliseCode(code);
    const refresh = () => fetchTracking(result.reference, secret).then(setResult);
    return <TrackingResult tracking={result} code={secret} refresh={refresh} />;
  }
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
        <details className="govuk-details" data-testid="lost-code">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">I have lost my reference number or tracking code</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">
              We cannot show your tracking code again: we keep only a scrambled copy of it, so nobody else can use it to read your report.
            </p>
            <p className="govuk-body">
              If you asked for updates by email or text message, the reference number is in every update we send you. Call 101, or{' '}
              <Link className="govuk-link" to="/chat">
                start a live chat
              </Link>
              , and a call handler will check who you are and tell you how your report is going.
            </p>
            <p className="govuk-body">If someone is in danger now, call 999.</p>
          </div>
        </details>
      </div>
    </div>
  );
}
