import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextInput } from '../../components/fields';
import { HttpError, request, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { codeFormat, normaliseCode, normaliseReference, notFound, tooManyMessage, trackingUrl, validateTrack, type Tracking } from './tracking';
import { Trans } from 'react-i18next';
import { t as translate, useT } from '../../i18n';
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
      if (status === 400) return setErrors([{ field: 'trackingCode', message: codeFormat() }]);
      const message =
        status === 404 ? notFound() : status === 429 ? tooManyMessage((e as HttpError).headers.get('Retry-After')) : translate('common.serviceDown');
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
  const t = useT();
  const h1 = usePage(t('track.title'), errors.length > 0);
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          {t('track.title')}
        </h1>
        <p className="govuk-body">{t('track.intro')}</p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="reference"
            label={t('track.reference')}
            hint={t('track.referenceHint')}
            width="govuk-input--width-20"
            spellCheck={false}
            autoComplete="off"
            value={reference}
            onChange={setReference}
            error={err('reference')}
          />
          <TextInput
            id="trackingCode"
            label={t('track.code')}
            hint={t('track.codeHint')}
            width="govuk-input--width-20"
            spellCheck={false}
            autoComplete="off"
            value={code}
            onChange={setCode}
            error={err('trackingCode')}
          />
          <Button>{t('track.submit')}</Button>
        </form>
        <details className="govuk-details" data-testid="lost-code">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('track.lost')}</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">{t('track.lostScrambled')}</p>
            <p className="govuk-body">
              <Trans i18nKey="track.lostHelp" components={{ anchor: <Link className="govuk-link" to="/chat" /> }} />
            </p>
            <p className="govuk-body">{t('track.lostDanger')}</p>
          </div>
        </details>
      </div>
    </div>
  );
}
