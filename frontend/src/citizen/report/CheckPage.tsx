import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { WarningText } from '../../components/SummaryList';
import { Button } from '../../components/fields';
import { fieldErrors, formatDate, HttpError, request, sendJson, type FieldError } from '../../lib/http';
import type { AnswerOf } from '../../api/contract';
import { usePage } from '../../lib/page';
import { labelOf, PAGES, useChoices, type ReportData } from './model';
import { t as translate, useT } from '../../i18n';
import { Trans } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CaseFiles, type SentFile } from '../track/CaseFiles';
import { useReport, type Confirmation } from './ReportContext';
import { linkToPage, toRequest, validateAll } from './validation';
import { trackingUrl, type Tracking } from '../track/tracking';
import { VictimSupportOffer } from '../victimsupport/VictimSupportOffer';

const serviceDown = () => translate('check.serviceDown');

/** Maps a 400 from the API onto links to the pages holding the fields. */
export function serverErrors(body: unknown): FieldError[] {
  const list = (body as { errors?: FieldError[] } | undefined)?.errors;
  if (!Array.isArray(list) || !list.length) return [{ field: '', message: serviceDown() }];
  return list.map((e) => linkToPage({ field: String(e.field ?? ''), message: String(e.message ?? translate('common.checkAnswer')) }));
}

function rows(d: ReportData, t: TFunction, choices: ReturnType<typeof useChoices>): [string, string, string, string][] {
  const date = `${d.day}/${d.month}/${d.year}`;
  const notGiven = t('common.notGiven');
  return [
    [t('check.anyoneInDanger'), t(d.anyoneInDanger === 'yes' ? 'danger.yes' : 'danger.no'), PAGES.danger, 'anyoneInDanger'],
    [t('check.category'), labelOf(choices.categories, d.category), PAGES.what, 'category'],
    [t('check.description'), d.description, PAGES.what, 'description'],
    [t('check.location'), d.location, PAGES.where, 'location'],
    [t('check.date'), date, PAGES.when, 'occurredOn-day'],
    [t('check.time'), d.occurredTime || notGiven, PAGES.when, 'occurredTime'],
    [t('check.name'), d.giveName === 'yes' ? d.name : notGiven, PAGES.about, 'giveName'],
    [t('check.email'), d.email || notGiven, PAGES.about, 'email'],
    [t('check.phone'), d.phone || notGiven, PAGES.about, 'phone'],
    [t('check.channel'), labelOf(choices.channels, d.updateChannel), PAGES.updates, 'updateChannel'],
    [t('check.frequency'), labelOf(choices.frequencies, d.updateFrequency), PAGES.updates, 'updateFrequency'],
  ];
}

export function CheckPage() {
  const t = useT();
  const choices = useChoices();
  const { data, idempotencyKey, complete, confirmation } = useReport();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const sending = useRef(false);
  const navigate = useNavigate();
  const h1 = usePage(t('check.title'), errors.length > 0);

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
        e instanceof HttpError && e.status === 400 ? serverErrors(e.body) : refused ? fieldErrors(e) : [{ field: '', message: serviceDown() }],
      );
    } finally {
      sending.current = false;
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('check.title')}
      </h1>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        {rows(data, t, choices).map(([key, value, page, field]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value app-pre-wrap">{value}</dd>
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={`${page}?change=1#${field}`}>
                {t('check.change')}
                <span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="govuk-heading-m">{t('check.sendHeading')}</h2>
      <p className="govuk-body">{t('check.declaration')}</p>
      <form noValidate onSubmit={submit}>
        <Button>{t('check.submit')}</Button>
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
  const failed = () => say(translate('confirmation.notCopied'));
  if (!navigator.clipboard) return failed();
  navigator.clipboard.writeText(`${reference} ${code}`).then(() => say(translate('confirmation.copied')), failed);
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
  const t = useT();
  const { confirmation } = useReport();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage(t('confirmation.title'), errors.length > 0);
  const [codeStatus, setCodeStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<SentFile[]>([]);
  const send = async () => {
    if (!confirmation) return;
    setSending(true);
    try {
      const { sentBy } = await sendCode(confirmation.reference, confirmation.trackingCode);
      setCodeStatus(t(sentBy === 'EMAIL' ? 'confirmation.sentEmail' : 'confirmation.sentText'));
    } catch (e) {
      setCodeStatus(fieldErrors(e)[0]?.message ?? t('confirmation.notSent'));
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
            {t('confirmation.title')}
          </h1>
          <div className="govuk-panel__body">
            {t('confirmation.yourReference')}
            <br />
            <strong data-testid="reference">{reference}</strong>
          </div>
        </div>

        <h2 className="govuk-heading-m">{t('confirmation.codeHeading')}</h2>
        <WarningText>{t('confirmation.codeWarning')}</WarningText>
        <p className="govuk-body app-tracking-code" data-testid="tracking-code">
          <TrackingCode code={trackingCode} />
        </p>
        <p className="govuk-body">{t('confirmation.needBoth')}</p>
        <div className="govuk-button-group app-no-print">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => copyReferenceAndCode(reference, trackingCode, setCodeStatus)}
          >
            {t('confirmation.copy')}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
            {t('confirmation.print')}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={send} disabled={sending}>
            {t('confirmation.send')}
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

        <h2 className="govuk-heading-m">{t('confirmation.nextHeading')}</h2>
        {nextUpdateDue && (
          <p className="govuk-body">
            <Trans i18nKey="confirmation.updateBy" values={{ date: formatDate(nextUpdateDue) }} components={{ b: <strong /> }} />
          </p>
        )}
        <p className="govuk-body">{t('confirmation.someone')}</p>
        <ReferralOffer reference={reference} code={trackingCode} />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/track?reference=${encodeURIComponent(reference)}`}>
            {t('confirmation.track')}
          </Link>
        </p>
      </div>
    </div>
  );
}

/**
 * Right 4 at the end of a report: the offer as the case stands (a lost property report has none,
 * a force without a service offers none), read with the code the citizen has just been given.
 */
function ReferralOffer({ reference, code }: { reference: string; code: string }) {
  const [offers, setOffers] = useState<Tracking['offers'] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const load = () =>
    request<Tracking>(trackingUrl(reference), { headers: { 'X-Tracking-Code': code } }).then(
      (t) => setOffers(t.offers),
      () => setOffers(null),
    );
  useEffect(() => {
    void load();
  }, [reference, code]);
  if (!offers) return null;
  return (
    <>
      <ErrorSummary errors={errors} />
      <VictimSupportOffer reference={reference} code={code} offers={offers} setErrors={setErrors} onDone={load} />
    </>
  );
}
