import type { AnswerOf, RequestOf } from '../../api/contract';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Radios, Textarea, TextInput } from '../../components/fields';
import { fieldErrors, sendJson, type FieldError } from '../../lib/http';
import { useChoices } from '../report/model';
import { UpdatesLanguage } from '../report/Steps';
import { useT } from '../../i18n';
import { pageField, toPreferenceRequest, validatePreference, type Preference } from './preference';
import { messagesUrl, preferenceUrl, type Tracking } from './tracking';
import limits from '../../api/limits.json';

export interface CitizenCtx {
  reference: string;
  code: string;
  setErrors: (e: FieldError[]) => void;
  refresh: () => Promise<void>;
}

const MAX_MESSAGE = limits.CaseMessageRequest.text;

/** Runs a call once the checks pass; a 400's field errors go to the page's error summary. */
function useSubmit(ctx: CitizenCtx, mapField: (e: FieldError) => FieldError) {
  const [busy, setBusy] = useState(false);
  return (check: () => FieldError[], call: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    ctx.setErrors(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      await call();
    } catch (e) {
      ctx.setErrors(fieldErrors(e).map(mapField));
    } finally {
      setBusy(false);
    }
  };
}

export function MessageForm({ ctx, onSent }: { ctx: CitizenCtx; onSent: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = useSubmit({ ...ctx, setErrors: (e) => (setErrors(e), ctx.setErrors(e)) }, (e) =>
    e.field === 'text' ? { ...e, field: 'messageText' } : e,
  );
  const check = () => {
    const message = !text.trim()
      ? t('validation.messageRequired')
      : text.length > MAX_MESSAGE
        ? t('validation.messageTooLong', { max: MAX_MESSAGE })
        : undefined;
    return message ? [{ field: 'messageText', message }] : [];
  };
  const send = async () => {
    const message: RequestOf<'/api/v1/cases/{reference}/messages', 'post'> = { text: text.trim() };
    await sendJson<AnswerOf<'/api/v1/cases/{reference}/messages', 'post', 201>>('POST', messagesUrl(ctx.reference), message, {
      'X-Tracking-Code': ctx.code,
    });
    setText('');
    await ctx.refresh().catch(() => undefined);
    onSent();
  };
  return (
    <form noValidate onSubmit={submit(check, send)}>
      <Textarea
        id="messageText"
        label={t('track.messageLabel')}
        hint={t('track.messageHint')}
        maxLength={MAX_MESSAGE}
        rows={4}
        value={text}
        onChange={setText}
        error={errors.find((e) => e.field === 'messageText')?.message}
      />
      <Button>{t('track.messageSend')}</Button>
    </form>
  );
}

export function PreferenceForm({ ctx, tracking, onSaved }: { ctx: CitizenCtx; tracking: Tracking; onSaved: () => void }) {
  const t = useT();
  const { channels, frequencies } = useChoices();
  const [p, setP] = useState<Preference>({ updateChannel: tracking.updateChannel, updateFrequency: tracking.updateFrequency, email: '', phone: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = useSubmit({ ...ctx, setErrors: (e) => (setErrors(e), ctx.setErrors(e)) }, pageField);
  const set = (k: keyof Preference) => (v: string) => setP((x) => ({ ...x, [k]: v }));
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const save = async () => {
    await sendJson<void>('PUT', preferenceUrl(ctx.reference), toPreferenceRequest(p), { 'X-Tracking-Code': ctx.code });
    await ctx.refresh().catch(() => undefined);
    onSaved();
  };
  const phone = (mobile: boolean) => (
    <TextInput
      id="updatePhone"
      label={t(mobile ? 'report.mobile' : 'report.phone')}
      type="tel"
      autoComplete="tel"
      width="govuk-input--width-20"
      value={p.phone}
      onChange={set('phone')}
      error={err('updatePhone')}
    />
  );
  const conditional: Record<string, ReactNode> = {
    EMAIL: (
      <TextInput
        id="updateEmail"
        label={t('report.email')}
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={p.email}
        onChange={set('email')}
        error={err('updateEmail')}
      />
    ),
    SMS: phone(true),
    PHONE: phone(false),
  };
  return (
    <section aria-labelledby="preference-heading">
      <h2 className="govuk-heading-m" id="preference-heading">
        {t('track.preferenceHeading')}
      </h2>
      <p className="govuk-body">{t('track.preferenceIntro')}</p>
      <UpdatesLanguage />
      <form noValidate onSubmit={submit(() => validatePreference(p), save)}>
        <Radios
          name="updateChannel"
          legend={t('report.channelLegend')}
          legendSize="m"
          options={channels.map((c) => ({ ...c, conditional: conditional[c.value] }))}
          value={p.updateChannel}
          onChange={set('updateChannel')}
          error={err('updateChannel')}
        />
        <Radios
          name="updateFrequency"
          legend={t('report.frequencyLegend')}
          legendSize="m"
          options={frequencies}
          value={p.updateFrequency}
          onChange={set('updateFrequency')}
          error={err('updateFrequency')}
        />
        <Button>{t('track.preferenceSave')}</Button>
      </form>
    </section>
  );
}
