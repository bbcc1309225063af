import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../api/contract';
import { Button, Radios, TextInput } from '../../components/fields';
import { fieldErrors, sendJson, type FieldError } from '../../lib/http';
import type { Tracking } from '../track/tracking';

type Offers = Tracking['offers'];
type Request = RequestOf<'/api/v1/cases/{reference}/victim-support', 'post'>;

/** The offer's words together, for the Welsh pass; the service's name is the force's setting. */
const COPY = {
  heading: 'Support for victims of crime',
  about: (service: string) =>
    `${service} is an independent charity. It gives free and confidential support to anyone affected by crime, whether or not they reported it.`,
  question: (service: string) => `Do you want us to refer you to ${service}?`,
  hint: (service: string) =>
    `If you choose yes, we will share your name, the contact details you give below, your reference number and the type of crime you reported with ${service}, so they can contact you. We will not share anything else from your report.`,
  yes: 'Yes, share my details',
  no: 'No, I do not want to be referred',
  name: 'Your name (optional)',
  phone: 'UK phone number',
  email: 'Email address',
  contactHint: 'Give a phone number, an email address, or both',
  required: 'Select yes if you want us to refer you',
  needContact: 'Enter a phone number or an email address',
  send: 'Send my answer',
  requested: (service: string) => `You asked us to refer you to ${service}. We are passing your details to them: they will contact you.`,
  sent: (service: string) => `We have passed your details to ${service}. They will contact you.`,
  declined: 'You chose not to be referred. You can change your mind below.',
  yourself: (service: string) => `You can also contact ${service} yourself at any time:`,
};

/** The server's field names, as this form's inputs are named on a page with other forms. */
const FIELDS: Record<string, string> = { name: 'supportName', phone: 'supportPhone', email: 'supportEmail' };

/** Victims' Code Right 4: the offer, its consent question, and where the referral stands. */
export function VictimSupportOffer(p: {
  reference: string;
  code: string;
  offers: Offers;
  onDone: (message: string) => Promise<void> | void;
  setErrors: (e: FieldError[]) => void;
}) {
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
    if (!consent) found.push({ field: 'consent', message: COPY.required });
    if (consent === 'YES' && !phone.trim() && !email.trim()) found.push({ field: 'supportPhone', message: COPY.needContact });
    show(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      const body: Request =
        consent === 'YES'
          ? { consent: 'YES', name: name.trim() || undefined, phone: phone.trim() || undefined, email: email.trim() || undefined }
          : { consent: 'NO' };
      await sendJson<void>('POST', `/api/v1/cases/${encodeURIComponent(p.reference)}/victim-support`, body, { 'X-Tracking-Code': p.code });
      await p.onDone(consent === 'YES' ? COPY.requested(service) : COPY.declined);
    } catch (e) {
      show(fieldErrors(e).map((x) => (FIELDS[x.field] ? { ...x, field: FIELDS[x.field] } : x)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="victim-support-heading" data-testid="victim-support">
      <h2 className="govuk-heading-m" id="victim-support-heading">
        {COPY.heading}
      </h2>
      <p className="govuk-body">{COPY.about(service)}</p>
      {state === 'REQUESTED' && (
        <p className="govuk-body" data-testid="victim-support-status">
          {COPY.requested(service)}
        </p>
      )}
      {state === 'SENT' && (
        <p className="govuk-body" data-testid="victim-support-status">
          {COPY.sent(service)}
        </p>
      )}
      {state === 'DECLINED' && <p className="govuk-body">{COPY.declined}</p>}
      {(state === 'OFFERED' || state === 'DECLINED') && (
        <form noValidate onSubmit={submit}>
          <Radios
            name="consent"
            legend={COPY.question(service)}
            hint={COPY.hint(service)}
            options={[
              {
                value: 'YES',
                label: COPY.yes,
                conditional: (
                  <>
                    <p className="govuk-hint">{COPY.contactHint}</p>
                    <TextInput
                      id="supportName"
                      label={COPY.name}
                      autoComplete="name"
                      spellCheck={false}
                      value={name}
                      onChange={setName}
                      error={err('supportName')}
                    />
                    <TextInput
                      id="supportPhone"
                      label={COPY.phone}
                      type="tel"
                      autoComplete="tel"
                      width="govuk-input--width-20"
                      value={phone}
                      onChange={setPhone}
                      error={err('supportPhone')}
                    />
                    <TextInput
                      id="supportEmail"
                      label={COPY.email}
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
              { value: 'NO', label: COPY.no },
            ]}
            value={consent}
            onChange={setConsent}
            error={err('consent')}
          />
          <Button>{COPY.send}</Button>
        </form>
      )}
      <p className="govuk-body">
        {COPY.yourself(service)}{' '}
        <a className="govuk-link" href={website} rel="noreferrer">
          {website.replace(/^https?:\/\//, '')}
        </a>
      </p>
    </section>
  );
}
