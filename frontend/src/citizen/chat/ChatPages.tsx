import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChatPanel } from '../../components/ChatPanel';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Textarea, TextInput } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useChat, type ChatState } from '../../lib/useChat';
import { DangerQuestion } from '../DangerQuestion';
import { endChat, getChat, startChat, type StartedChat } from '../contactApi';
import limits from '../../api/limits.json';

export const CHAT_PAGES = { danger: '/chat', details: '/chat/details', live: '/chat/live' } as const;
const MAX_TOPIC = limits.ChatStartRequest.topic;

// React memory only: the chat token must not outlive the tab (quick exit, shared devices).
const ChatContext = createContext<{ chat: StartedChat | null; setChat: (c: StartedChat | null) => void }>({
  chat: null,
  setChat: () => {},
});

export function ChatProvider({ children }: { children: ReactNode }) {
  const [chat, setChat] = useState<StartedChat | null>(null);
  return <ChatContext.Provider value={{ chat, setChat }}>{children}</ChatContext.Provider>;
}

export const ChatDangerPage = () => <DangerQuestion next={CHAT_PAGES.details} />;

export function ChatDetailsPage() {
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const h1 = usePage('Start a live chat', errors.length > 0);
  const { setChat } = useContext(ChatContext);
  const navigate = useNavigate();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!topic.trim()) found.push({ field: 'topic', message: 'Enter what you want to talk about' });
    else if (topic.length > MAX_TOPIC) found.push({ field: 'topic', message: `What it is about must be ${MAX_TOPIC} characters or less` });
    if (name.length > 200) found.push({ field: 'name', message: 'Name must be 200 characters or less' });
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
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Start a live chat
      </h1>
      <p className="govuk-body">A call handler will chat with you. Do not use live chat in an emergency: call 999.</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          id="name"
          label="Your name (optional)"
          autoComplete="name"
          spellCheck={false}
          value={name}
          onChange={setName}
          error={err('name')}
        />
        <Textarea
          id="topic"
          label="What do you want to talk about?"
          hint="For example, a theft you want to report, or a question about an existing report."
          maxLength={MAX_TOPIC}
          value={topic}
          onChange={setTopic}
          error={err('topic')}
        />
        <Button>Start chat</Button>
      </form>
    </>
  );
}

export function ChatLivePage() {
  const { chat } = useContext(ChatContext);
  const h1 = usePage('Live chat');
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Live chat
      </h1>
      {chat ? (
        <LiveChat chat={chat} />
      ) : (
        <>
          <p className="govuk-body">There is no chat open. Chats are not kept if you leave or reload the page.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={CHAT_PAGES.danger}>
              Start a new chat
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function LiveChat({ chat }: { chat: StartedChat }) {
  const [state, setState] = useState<ChatState>({ state: 'WAITING', position: chat.position });
  const [failed, setFailed] = useState(false);
  const { transcript, send, connected } = useChat({
    contactId: chat.contactId,
    headers: { 'chat-token': chat.chatToken },
    fetchAfter: async (after) => {
      const found = await getChat(chat, after);
      setState({ state: found.state, position: found.position, handlerName: found.handlerName });
      return found.messages;
    },
    onState: setState,
  });
  const over = state.state === 'ENDED' || state.state === 'ABANDONED';
  // A brand-new chat may not have a place in the queue yet (the server's queue view trails
  // the start by a moment): ask again until it has one.
  const unplaced = state.state === 'WAITING' && state.position == null;
  useEffect(() => {
    if (!unplaced) return;
    const timer = setTimeout(
      () =>
        getChat(chat, Number.MAX_SAFE_INTEGER).then(
          (found) => setState((s) => (s.state === 'WAITING' ? { ...s, ...found } : s)),
          () => {},
        ),
      1500,
    );
    return () => clearTimeout(timer);
  }, [unplaced, state, chat]);
  const end = () =>
    endChat(chat).then(
      () => setState((s) => ({ ...s, state: s.state === 'WAITING' ? 'ABANDONED' : 'ENDED' })),
      () => setFailed(true),
    );
  return (
    <>
      <div role="status" className="govuk-!-margin-bottom-4">
        {state.state === 'WAITING' && (
          <p className="govuk-body-l" data-testid="queue-position">
            {state.position == null ? 'You are in the queue' : `You are number ${state.position} in the queue`}
          </p>
        )}
        {state.state === 'ACTIVE' && <p className="govuk-body-l">You are chatting with {state.handlerName || 'a call handler'}</p>}
        {over && (
          <div className="govuk-inset-text" data-testid="chat-ended">
            <h2 className="govuk-heading-m">This chat has ended</h2>
            <p className="govuk-body">
              {state.state === 'ENDED' ? 'The conversation is closed.' : 'You left the queue before a call handler answered.'}{' '}
              <Link className="govuk-link" to="/">
                Go to the start page
              </Link>
            </p>
          </div>
        )}
        {!connected && !over && <p className="govuk-body-s">Connecting… Messages you send will go when the connection is back.</p>}
      </div>
      {failed && <p className="govuk-error-message">The chat could not be ended. Try again.</p>}
      <ChatPanel transcript={transcript} me="CITIZEN" otherName={state.handlerName || 'Call handler'} onSend={over ? undefined : send} />
      {!over && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={end}>
          End chat
        </button>
      )}
    </>
  );
}
