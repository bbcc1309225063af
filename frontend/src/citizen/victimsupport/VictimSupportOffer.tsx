import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../api/contract';
import { Button, Radios, TextInput } from '../../components/fields';
import { useT } from '../../i18n';
import { fieldErrors, sendJson, type FieldError } from '../../lib/http';
import type { Tracking } from '../track/tracking';

type Offers = Tracking['offers'];
type Request = RequestOf<'/api/v1/cases/{reference}/victim-support', 'post'>;

/** The server's field names, as this form's inputs are named on a page with other forms. */
const FIELDS: Record<string, string> = { name: 'supportName', phone: 'supportPhone', email: 'supportEmail' };

/** Victims' Code Right 4: the offer, its consent question, and where the referral stands. */
export function VictimSupportOffer(p: {
  reference: string;
  code: string;
  offers: Offers;
  /** Told the key of what the citizen chose, for a success message (its {{service}} is the force's service). */
  onDone: (said: string) => Promise<void> | void;
  setErrors: (e: FieldError[]) => void;
}) {
  const t = useT();
  const { victimSupport: state, victimSupportService: service, victimSupportWebsite: website } = p.offers;
  const [consent, setConsent] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setOwn] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  if (state === 'NOT_OFFERED') return null;
  const show = (e: FieldError[]) => (setOwn(e), p.setErrors(e));
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!consent) found.push({ field: 'consent', message: t('victimSupport.required') });
    if (consent === 'YES' && !phone.trim() && !email.trim()) found.push({ field: 'supportPhone', message: t('victimSupport.needContact') });
    show(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      const body: Request =
        consent === 'YES'
          ? { consent: 'YES', name: name.trim() || undefined, phone: phone.trim() || undefined, email: email.trim() || undefined }
          : { consent: 'NO' };
      await sendJson<void>('POST', `/api/v1/cases/${encodeURIComponent(p.reference)}/victim-support`, body, { 'X-Tracking-Code': p.code });
      await p.onDone(consent === 'YES' ? 'victimSupport.requested' : 'victimSupport.declined');
    } catch (e) {
      show(fieldErrors(e).map((x) => (FIELDS[x.field] ? { ...x, field: FIELDS[x.field] } : x)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="victim-support-heading" data-testid="victim-support">
      <h2 className="govuk-heading-m" id="victim-support-heading">
        {t('victimSupport.heading')}
      </h2>
      <p className="govuk-body">{t('victimSupport.about', { service })}</p>
      {state === 'REQUESTED' && (
        <p className="govuk-body" data-testid="victim-support-status">
          {t('victimSupport.requested', { service })}
        </p>
      )}
      {state === 'SENT' && (
        <p className="govuk-body" data-testid="victim-support-status">
          {t('victimSupport.sent', { service })}
        </p>
      )}
      {state === 'DECLINED' && <p className="govuk-body">{t('victimSupport.declined')}</p>}
      {(state === 'OFFERED' || state === 'DECLINED') && (
        <form noValidate onSubmit={submit}>
          <Radios
            name="consent"
            legend={t('victimSupport.question', { service })}
            hint={t('victimSupport.hint', { service })}
            options={[
              {
                value: 'YES',
                label: t('victimSupport.yes'),
                conditional: (
                  <>
                    <p className="govuk-hint">{t('victimSupport.contactHint')}</p>
                    <TextInput
                      id="supportName"
                      label={t('victimSupport.name')}
                      autoComplete="name"
                      spellCheck={false}
                      value={name}
                      onChange={setName}
                      error={err('supportName')}
                    />
                    <TextInput
                      id="supportPhone"
                      label={t('victimSupport.phone')}
                      type="tel"
                      autoComplete="tel"
                      width="govuk-input--width-20"
                      value={phone}
                      onChange={setPhone}
                      error={err('supportPhone')}
                    />
                    <TextInput
                      id="supportEmail"
                      label={t('victimSupport.email')}
                      type="email"
                      autoComplete="email"
                      spellCheck={false}
                      value={email}
                      onChange={setEmail}
                      error={err('supportEmail')}
                    />
                  </>
                ),
              },
              { value: 'NO', label: t('victimSupport.no') },
            ]}
            value={consent}
            onChange={setConsent}
            error={err('consent')}
          />
          <Button>{t('victimSupport.send')}</Button>
        </form>
      )}
      <p className="govuk-body">
        {t('victimSupport.yourself', { service })}{' '}
        <a className="govuk-link" href={website} rel="noreferrer">
          {website.replace(/^https?:\/\//, '')}
        </a>
      </p>
    </section>
  );
}
