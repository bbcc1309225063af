import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ChatMessage, Transcript } from '../lib/chatTranscript';
import { formatSize } from './EvidenceUpload';
import { ErrorMessage } from './fields';
import limits from '../api/limits.json';
import { draft, keepDraft } from '../staff/workspace/drafts';
import { useT } from '../i18n';

/** Words both sides see, together for the Welsh pass. */
const COPY = { sentFile: 'File:' };

/** The same for both sides: the server checks every chat message against it. */
const MAX = limits.ChatMessageRequest.text;
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

interface Props {
  transcript: Transcript;
  me: 'CITIZEN' | 'HANDLER';
  otherName: string;
  onSend?: (text: string) => void;
  /** Called as this side writes, so the other side can be told. */
  onTyping?: () => void;
  /** Who was last seen typing ("CITIZEN" or "HANDLER"), if anyone. */
  typingAuthor?: string | null;
  /** Keeps the unsent message under this key while the handler works another contact. */
  draftKey?: string;
  /** Aids below the message box (the handler's canned responses), given a way to write into it. */
  tools?: (composer: Composer) => ReactNode;
  /** How a file sent in the chat is opened on this side (a download; a preview for staff). */
  attachment?: (file: NonNullable<ChatMessage['attachment']>) => ReactNode;
  /** The file upload below the message box, while the chat is open. */
  upload?: ReactNode;
}

/** The message box, as an aid beside it may use it: text goes in at the cursor, never sent. */
export interface Composer {
  insert: (text: string) => void;
  focus: () => void;
}

/** The conversation as a live log; every message is a React text node, so nothing in it is ever run as HTML. */
export function ChatPanel({ transcript, me, otherName, onSend, onTyping, typingAuthor, draftKey, tools, attachment, upload }: Props) {
  const t = useT();
  const [text, setTextState] = useState(() => draft(draftKey, ''));
  const setText = (value: string) => {
    setTextState(value);
    keepDraft(draftKey, value);
  };
  const [error, setError] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  // Where the cursor goes once an insertion has rendered: just after the inserted text.
  const caret = useRef<number | null>(null);
  useEffect(() => {
    if (caret.current === null || !box.current) return;
    box.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);
  const composer: Composer = {
    insert: (snippet) => {
      const start = box.current?.selectionStart ?? text.length;
      const end = box.current?.selectionEnd ?? text.length;
      caret.current = start + snippet.length;
      setText(text.slice(0, start) + snippet + text.slice(end));
      setError('');
      box.current?.focus();
    },
    focus: () => box.current?.focus(),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return setError(t('validation.messageRequired'));
    if (value.length > MAX) return setError(t('validation.messageTooLong', { max: MAX }));
    setError('');
    setText('');
    onSend?.(value);
  };
  return (
    <>
      <div className="app-chat-log" role="log" aria-live="polite" aria-label={t('chatPanel.conversation')} tabIndex={0}>
        {transcript.messages.length + transcript.pending.length === 0 && <p className="govuk-body">{t('chatPanel.noMessages')}</p>}
        {transcript.messages.map((m) => (
          <div key={m.seq} className={`app-chat-message${m.author === me ? ' app-chat-message--mine' : ''}`}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong>{m.author === me ? t('chatPanel.you') : m.authorName || otherName}</strong>{' '}
              <time dateTime={m.at}>{time.format(new Date(m.at))}</time>
            </p>
            {m.attachment ? (
              <div className="govuk-!-margin-bottom-0" data-testid="chat-file">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  {COPY.sentFile} {m.attachment.fileName} ({formatSize(m.attachment.sizeBytes)})
                </p>
                {attachment?.(m.attachment)}
              </div>
            ) : (
              <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{m.text}</p>
            )}
          </div>
        ))}
        {transcript.pending.map((p) => (
          <div key={p.clientMessageId} className="app-chat-message app-chat-message--mine">
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong>{t('chatPanel.you')}</strong> {t('chatPanel.sending')}
            </p>
            <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{p.text}</p>
          </div>
        ))}
      </div>
      {/* Not announced: a screen reader would read it out at every pause in the other's typing. */}
      <p className="govuk-body-s app-typing" aria-live="off" data-testid="typing">
        {typingAuthor && typingAuthor !== me ? t('chatPanel.typing', { name: otherName }) : '\u00a0'}
      </p>
      {onSend && (
        <form noValidate onSubmit={submit} className="govuk-!-margin-top-4">
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="message">
              {t('chatPanel.yourMessage')}
            </label>
            <div id="message-hint" className="govuk-hint">
              {t('chatPanel.hint')}
            </div>
            <ErrorMessage id="message-error" message={error} />
            <textarea
              className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
              id="message"
              ref={box}
              name="message"
              rows={3}
              value={text}
              aria-describedby={error ? 'message-hint message-error' : 'message-hint'}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value) onTyping?.();
              }}
              onKeyDown={(e) => {
                // Enter sends, as in every chat; Shift+Enter and an IME still composing do not.
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
              }}
            />
          </div>
          <button type="submit" className="govuk-button govuk-!-margin-bottom-4">
            {t('chatPanel.send')}
          </button>
        </form>
      )}
      {onSend && upload}
      {onSend && tools?.(composer)}
    </>
  );
}
