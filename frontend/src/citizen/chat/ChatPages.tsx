import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChatPanel } from '../../components/ChatPanel';
import { downloadFile, EvidenceUpload } from '../../components/EvidenceUpload';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Textarea, TextInput } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useChat, type ChatState } from '../../lib/useChat';
import { DangerQuestion } from '../DangerQuestion';
import { endChat, endChatOnLeaving, getChat, startChat, type CaseOpened, type StartedChat } from '../contactApi';
import { ChatCaseOpened } from './ChatCaseOpened';
import { ChatTranscriptForm } from './ChatTranscriptForm';
import { onQuickExit } from '../quickExit';
import { IdleWarning } from '../../components/IdleWarning';
import limits from '../../api/limits.json';
import { t as translate, useT } from '../../i18n';

export const CHAT_PAGES = { danger: '/chat', details: '/chat/details', live: '/chat/live' } as const;
const MAX_TOPIC = limits.ChatStartRequest.topic;

// Session storage: the chat survives a reload of this tab and ends with it. Quick exit and
// the end of the chat clear it, so the token never outlives what the citizen chose.
const STORED = 'bluelamp.chat';
const ChatContext = createContext<{ chat: StartedChat | null; setChat: (c: StartedChat | null) => void }>({
  chat: null,
  setChat: () => {},
});

function storedChat(): StartedChat | null {
  try {
    const found = JSON.parse(sessionStorage.getItem(STORED) ?? 'null') as StartedChat | null;
    return found && typeof found.contactId === 'string' && typeof found.chatToken === 'string' ? found : null;
  } catch {
    return null;
  }
}

export function ChatProvider({ children }: { children: ReactNode }) {
  const [chat, setChatState] = useState<StartedChat | null>(storedChat);
  const setChat = (c: StartedChat | null) => {
    if (c) sessionStorage.setItem(STORED, JSON.stringify(c));
    else sessionStorage.removeItem(STORED);
    setChatState(c);
  };
  useEffect(() => onQuickExit(() => chat && leaveAtOnce(chat)), [chat]);
  return <ChatContext.Provider value={{ chat, setChat }}>{children}</ChatContext.Provider>;
}

/** Quick exit: the chat ends now rather than after the grace period, and the tab forgets it. */
function leaveAtOnce(chat: StartedChat) {
  sessionStorage.removeItem(STORED);
  endChatOnLeaving(chat);
}

export const ChatDangerPage = () => <DangerQuestion next={CHAT_PAGES.details} />;

export function ChatDetailsPage() {
  const t = useT();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const h1 = usePage(t('chat.title'), errors.length > 0);
  const { setChat } = useContext(ChatContext);
  const navigate = useNavigate();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!topic.trim()) found.push({ field: 'topic', message: t('validation.topicRequired') });
    else if (topic.length > MAX_TOPIC) found.push({ field: 'topic', message: t('validation.topicTooLong', { max: MAX_TOPIC }) });
    if (name.length > 200) found.push({ field: 'name', message: t('validation.nameTooLong', { max: 200 }) });
    setErrors(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      setChat(await startChat(name, topic));
      navigate(CHAT_PAGES.live);
    } catch (e) {
      setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <Link to={CHAT_PAGES.danger} className="govuk-back-link">
        {t('common.back')}
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('chat.title')}
      </h1>
      <p className="govuk-body">{t('chat.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput id="name" label={t('chat.name')} autoComplete="name" spellCheck={false} value={name} onChange={setName} error={err('name')} />
        <Textarea
          id="topic"
          label={t('chat.topic')}
          hint={t('chat.topicHint')}
          maxLength={MAX_TOPIC}
          value={topic}
          onChange={setTopic}
          error={err('topic')}
        />
        <Button>{t('chat.start')}</Button>
      </form>
    </>
  );
}

export function ChatLivePage() {
  const t = useT();
  const { chat, setChat } = useContext(ChatContext);
  const h1 = usePage(t('chat.liveTitle'));
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {t('chat.liveTitle')}
      </h1>
      {chat ? (
        <LiveChat chat={chat} forget={() => setChat(null)} />
      ) : (
        <>
          <p className="govuk-body">{t('chat.noChat')}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={CHAT_PAGES.danger}>
              {t('chat.startNew')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

const ENDED_BECAUSE: Record<string, string> = {
  CITIZEN_LEFT: 'chat.endedLeft',
  IDLE: 'chat.endedIdle',
};

function LiveChat({ chat, forget }: { chat: StartedChat; forget: () => void }) {
  const t = useT();
  const [state, setState] = useState<ChatState>({ state: 'WAITING', position: chat.position });
  const [idleClosesAt, setIdleClosesAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [caseOpened, setCaseOpened] = useState<CaseOpened | null>(chat.caseOpened ?? null);
  const keepCase = (c: CaseOpened | null | undefined) => {
    if (!c) return;
    setCaseOpened(c);
    // Kept with the chat in this tab, so a reload still shows the code.
    if (storedChat()) sessionStorage.setItem(STORED, JSON.stringify({ ...chat, caseOpened: c }));
  };
  const { transcript, send, connected, typing, typingAuthor } = useChat({
    contactId: chat.contactId,
    headers: { 'chat-token': chat.chatToken },
    fetchAfter: async (after) => {
      const found = await getChat(chat, after);
      setState({
        state: found.state,
        position: found.position,
        handlerName: found.handlerName,
        endReason: found.endReason,
        expectedWaitMinutes: found.expectedWaitMinutes,
      });
      setIdleClosesAt(found.idleClosesAt ?? null);
      keepCase(found.caseOpened);
      return found.messages;
    },
    onState: (s) => setState((old) => ({ ...old, ...s })),
    onIdleWarning: setIdleClosesAt,
    onCase: () =>
      getChat(chat, Number.MAX_SAFE_INTEGER).then(
        (found) => keepCase(found.caseOpened),
        () => {},
      ),
  });
  const over = state.state === 'ENDED' || state.state === 'ABANDONED';
  // Nothing is left to come back to: a reload now shows no chat, not a dead one.
  useEffect(() => {
    if (over) sessionStorage.removeItem(STORED);
  }, [over]);
  // A brand-new chat may not have a place in the queue yet (the server's queue view trails
  // the start by a moment): ask again until it has one.
  const unplaced = state.state === 'WAITING' && state.position == null;
  useEffect(() => {
    if (!unplaced) return;
    const timer = setTimeout(
      () =>
        getChat(chat, Number.MAX_SAFE_INTEGER).then(
          (found) =>
            setState((s) => (s.state === 'WAITING' ? { ...s, position: found.position, expectedWaitMinutes: found.expectedWaitMinutes } : s)),
          () => {},
        ),
      1500,
    );
    return () => clearTimeout(timer);
  }, [unplaced, state, chat]);
  const end = () =>
    endChat(chat).then(
      () => setState((s) => ({ ...s, state: s.state === 'WAITING' ? 'ABANDONED' : 'ENDED', endReason: 'ASKED' })),
      () => setFailed(true),
    );
  return (
    <>
      <div role="status" className="govuk-!-margin-bottom-4">
        {state.state === 'WAITING' && (
          <>
            <p className="govuk-body-l" data-testid="queue-position">
              {state.position == null ? t('chat.inQueue') : t('chat.position', { position: state.position })}
            </p>
            <p className="govuk-body" data-testid="expected-wait">
              {state.expectedWaitMinutes == null ? t('chat.waitUnknown') : t('chat.wait', { count: state.expectedWaitMinutes })}
            </p>
          </>
        )}
        {state.state === 'ACTIVE' && <p className="govuk-body-l">{t('chat.chattingWith', { name: state.handlerName || t('chat.aHandler') })}</p>}
        {over && (
          <div className="govuk-inset-text" data-testid="chat-ended">
            <h2 className="govuk-heading-m">{t('chat.endedHeading')}</h2>
            <p className="govuk-body">
              {t(ENDED_BECAUSE[state.endReason ?? ''] ?? (state.state === 'ENDED' ? 'chat.closed' : 'chat.leftQueue'))}{' '}
              <Link className="govuk-link" to={CHAT_PAGES.danger} onClick={forget}>
                {t('chat.startNew')}
              </Link>
            </p>
          </div>
        )}
        {!connected && !over && <p className="govuk-body-s">{t('chat.connecting')}</p>}
      </div>
      {!over && (
        <div className="govuk-warning-text" data-testid="keep-open">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('common.warning')}</span>
            {t(state.state === 'WAITING' ? 'chat.keepOpenQueue' : 'chat.keepOpen')}
          </strong>
        </div>
      )}
      {caseOpened && <ChatCaseOpened opened={caseOpened} />}
      {!over && <IdleWarning closesAt={idleClosesAt} />}
      {failed && <p className="govuk-error-message">{t('chat.endFailed')}</p>}
      <ChatPanel
        transcript={transcript}
        me="CITIZEN"
        otherName={state.handlerName || t('chat.handler')}
        onSend={over ? undefined : send}
        onTyping={typing}
        typingAuthor={over ? null : typingAuthor}
        attachment={(file) => <ChatFileLink chat={chat} evidenceId={file.evidenceId} fileName={file.fileName} />}
        upload={
          <EvidenceUpload
            id="chatFile"
            label={FILE_COPY.label}
            url={`/api/v1/chats/${encodeURIComponent(chat.contactId)}/evidence`}
            headers={{ 'X-Chat-Token': chat.chatToken }}
            onSent={() => undefined}
          />
        }
      />
      {!over && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={end}>
          {t('chat.end')}
        </button>
      )}
      {transcript.messages.length > 0 && <ChatTranscriptForm chat={chat} />}
    </>
  );
}

/** The citizen's words for files in the chat, together for the Welsh pass. */
const FILE_COPY = {
  get label() {
    return translate('evidence.chatLabel');
  },
  get download() {
    return translate('evidence.download');
  },
  get failed() {
    return translate('evidence.downloadFailed');
  },
};

/** A file in the chat, fetched with the chat's token (a plain link could not send it). */
function ChatFileLink({ chat, evidenceId, fileName }: { chat: StartedChat; evidenceId: string; fileName: string }) {
  const [failed, setFailed] = useState(false);
  const url = `/api/v1/chats/${encodeURIComponent(chat.contactId)}/evidence/${encodeURIComponent(evidenceId)}`;
  return (
    <>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() =>
          downloadFile(url, fileName, { 'X-Chat-Token': chat.chatToken }).then(
            () => setFailed(false),
            () => setFailed(true),
          )
        }
      >
        {FILE_COPY.download}
        <span className="govuk-visually-hidden"> {fileName}</span>
      </button>
      {failed && <p className="govuk-error-message">{FILE_COPY.failed}</p>}
    </>
  );
}
