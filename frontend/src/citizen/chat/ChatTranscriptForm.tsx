import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextInput } from '../../components/fields';
import { SuccessBanner } from '../../components/SuccessBanner';
import { fieldErrors, type FieldError } from '../../lib/http';
import { isValidEmail } from '../report/validation';
import { requestTranscript, type StartedChat } from '../contactApi';
import limits from '../../api/limits.json';
import { useT } from '../../i18n';

const MAX_EMAIL = limits.ChatTranscriptRequest.email;

/** "Email me a copy of this conversation": the messages so far, sent once to the address given. */
export function ChatTranscriptForm({ chat }: { chat: StartedChat }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const found: FieldError[] = [];
    if (!address) found.push({ field: 'email', message: t('validation.emailRequired') });
    else if (address.length > MAX_EMAIL) found.push({ field: 'email', message: t('validation.emailTooLong', { max: MAX_EMAIL }) });
    else if (!isValidEmail(address)) found.push({ field: 'email', message: t('validation.emailFormat') });
    setErrors(found);
    if (found.length || busy) return;
    setBusy(true);
    setSentTo(null);
    try {
      await requestTranscript(chat, address);
      setSentTo(address);
      setEmail('');
    } catch (e) {
      setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const error = errors.find((e) => e.field === 'email')?.message;
  return (
    <details className="govuk-details" data-testid="transcript">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('chat.transcriptSummary')}</span>
      </summary>
      <div className="govuk-details__text">
        <SuccessBanner message={sentTo && t('chat.transcriptSent', { email: sentTo })} testId="transcript-sent" />
        <ErrorSummary errors={errors} />
        <p className="govuk-body">{t('chat.transcriptIntro')}</p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="email"
            type="email"
            label={t('report.email')}
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={error}
          />
          <Button>{t('chat.transcriptSend')}</Button>
        </form>
      </div>
    </details>
  );
}
