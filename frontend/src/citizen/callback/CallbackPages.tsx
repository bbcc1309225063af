import { createContext, useContext, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Textarea, TextInput } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { DangerQuestion } from '../DangerQuestion';
import { requestCallback } from '../contactApi';
import { normaliseUkPhone } from '../report/validation';
import { nextWindows, windowLabel } from './windows';
import limits from '../../api/limits.json';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n';

export const CALLBACK_PAGES = { danger: '/callback', details: '/callback/details', confirmation: '/callback/confirmation' } as const;
const MAX_TOPIC = limits.CallbackRequest.topic;

interface Made {
  windowStart: string;
  windowEnd: string;
  phone: string;
}

// React memory, not router state: history.state would keep the phone number behind the quick exit.
const MadeContext = createContext<{ made: Made | null; setMade: (m: Made) => void }>({ made: null, setMade: () => {} });

export function CallbackProvider({ children }: { children: ReactNode }) {
  const [made, setMade] = useState<Made | null>(null);
  return <MadeContext.Provider value={{ made, setMade }}>{children}</MadeContext.Provider>;
}

export const CallbackDangerPage = () => <DangerQuestion next={CALLBACK_PAGES.details} />;

export function CallbackDetailsPage() {
  const t = useT();
  const [form, setForm] = useState({ name: '', phone: '', topic: '', window: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const h1 = usePage(t('callback.title'), errors.length > 0);
  const navigate = useNavigate();
  const { setMade } = useContext(MadeContext);
  const windows = useMemo(() => nextWindows(new Date()), []);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const phone = normaliseUkPhone(form.phone);
    const chosen = windows.find((w) => w.start.toISOString() === form.window);
    const found: FieldError[] = [];
    if (form.name.length > 200) found.push({ field: 'name', message: t('validation.nameTooLong', { max: 200 }) });
    if (!form.phone.trim()) found.push({ field: 'phone', message: t('validation.phoneRequired') });
    else if (!phone) found.push({ field: 'phone', message: t('validation.phoneFormat') });
    if (!form.topic.trim()) found.push({ field: 'topic', message: t('validation.topicRequired') });
    else if (form.topic.length > MAX_TOPIC) found.push({ field: 'topic', message: t('validation.topicTooLong', { max: MAX_TOPIC }) });
    if (!chosen) found.push({ field: 'window', message: t('validation.windowRequired') });
    setErrors(found);
    if (found.length || busy || !chosen || !phone) return;
    setBusy(true);
    try {
      const made = await requestCallback({
        name: form.name.trim() || undefined,
        phone,
        topic: form.topic.trim(),
        windowStart: chosen.start.toISOString(),
        windowEnd: chosen.end.toISOString(),
      });
      setMade({ windowStart: made.windowStart, windowEnd: made.windowEnd, phone: form.phone });
      navigate(CALLBACK_PAGES.confirmation);
    } catch (e) {
      setErrors(fieldErrors(e).map((x) => (x.field.startsWith('window') ? { ...x, field: 'window' } : x)));
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <Link to={CALLBACK_PAGES.danger} className="govuk-back-link">
        {t('common.back')}
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('callback.title')}
      </h1>
      <p className="govuk-body">{t('callback.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          id="name"
          label={t('chat.name')}
          autoComplete="name"
          spellCheck={false}
          value={form.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextInput
          id="phone"
          label={t('report.phone')}
          hint={t('report.phoneHint')}
          type="tel"
          autoComplete="tel"
          width="govuk-input--width-20"
          value={form.phone}
          onChange={set('phone')}
          error={err('phone')}
        />
        <Textarea id="topic" label={t('callback.topic')} maxLength={MAX_TOPIC} value={form.topic} onChange={set('topic')} error={err('topic')} />
        <Radios
          name="window"
          legend={t('callback.windowLegend')}
          hint={t('callback.windowHint')}
          options={windows.map((w) => ({ value: w.start.toISOString(), label: windowLabel(w) }))}
          value={form.window}
          onChange={set('window')}
          error={err('window')}
        />
        <Button>{t('callback.submit')}</Button>
      </form>
    </>
  );
}

export function CallbackConfirmationPage() {
  const t = useT();
  const { made } = useContext(MadeContext);
  const h1 = usePage(t(made ? 'callback.confirmed' : 'callback.title'));
  if (!made)
    return (
      <>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          {t('callback.title')}
        </h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={CALLBACK_PAGES.danger}>
            {t('callback.request')}
          </Link>
        </p>
      </>
    );
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title" ref={h1} tabIndex={-1}>
          {t('callback.confirmed')}
        </h1>
        <div className="govuk-panel__body">{windowLabel({ start: new Date(made.windowStart), end: new Date(made.windowEnd) })}</div>
      </div>
      <p className="govuk-body">
        <Trans i18nKey="callback.willCall" values={{ phone: made.phone }} components={{ b: <strong /> }} />
      </p>
      <p className="govuk-body">{t('callback.worse')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          {t('common.goToStart')}
        </Link>
      </p>
    </>
  );
}
