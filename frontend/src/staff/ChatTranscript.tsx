import { useEffect, useState } from 'react';
import { ChatPanel } from '../components/ChatPanel';
import { HttpError, type FieldError } from '../lib/http';
import { emptyTranscript, merge, type Transcript } from '../lib/chatTranscript';
import { getChatMessages } from './api';
import { useAccessReason } from './accessReason';
import { ReasonForm } from './ReasonForm';
import { StaffFile } from './evidence/StaffFiles';

interface Props {
  contactId: string;
  citizen: string;
  /** The reason given to open the contact: sent first, so one reason usually covers both. */
  reason: string;
}

/**
 * Someone else's chat, read-only: once it has ended its transcript is part of the record, and
 * reading it is logged with a reason like the contact itself (428 until one is given).
 */
export function ChatTranscript({ contactId, citizen, reason }: Props) {
  const access = useAccessReason(`${contactId}/chat`);
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const load = () =>
    access
      .guarded((headers) => getChatMessages(contactId, 0, headers))
      .then(
        (messages) => {
          if (messages) {
            setTranscript(merge(emptyTranscript, messages));
            setNote('');
          }
        },
        (e) => setNote(e instanceof HttpError && e.status === 403 ? 'You can read this chat once it has ended.' : 'The chat could not be loaded.'),
      );
  useEffect(() => {
    if (reason) access.setReason(reason);
    setTranscript(null);
    load();
  }, [contactId]);
  return (
    <section aria-labelledby="transcript-heading" className="govuk-!-margin-bottom-8" data-testid="chat-transcript">
      <h2 className="govuk-heading-m" id="transcript-heading">
        Conversation
      </h2>
      {access.prompt && (
        <ReasonForm
          prefix="transcript"
          question="Why are you reading this chat?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={(given) => (access.setReason(given), load())}
        />
      )}
      {!access.prompt && note && <p className="govuk-inset-text">{note}</p>}
      {!access.prompt && transcript && (
        <ChatPanel
          transcript={transcript}
          me="HANDLER"
          otherName={citizen}
          attachment={(file) => (
            <StaffFile base={`/api/v1/staff/contacts/${encodeURIComponent(contactId)}/evidence`} file={file} reason={access.reason()} />
          )}
        />
      )}
    </section>
  );
}
