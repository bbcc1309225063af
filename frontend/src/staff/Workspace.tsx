import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ChatPanel } from '../components/ChatPanel';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { StaffFile } from './evidence/StaffFiles';
import { IdleWarning } from '../components/IdleWarning';
import { ErrorSummary } from '../components/ErrorSummary';
import { SummaryList } from '../components/SummaryList';
import { CHANNELS, FREQUENCIES, labelOf } from '../citizen/report/model';
import { formatDate, formatDateTime, HttpError, type FieldError } from '../lib/http';
import { usePage } from '../lib/page';
import { useChat, type ChatState } from '../lib/useChat';
import { CONTACT_KINDS, endChat, getChatMessages, getContact, GRADES, take, THRIVE_PARTS, type Contact, type QueueItem } from './api';
import { useMe } from './StaffPages';
import { reasonHeaders, useAccessReason } from './accessReason';
import { isCaseworker } from './roles';
import { ReasonForm } from './ReasonForm';
import { ChatTranscript } from './ChatTranscript';
import { staffConnectHeaders } from './Console';
import { openStomp, parse } from '../lib/stomp';
import { CannedResponsePicker } from './canned/CannedResponsePicker';
import { CallbackAttemptForm, CloseForm, SummaryForm, TransferForm, TriageForm, type FormContext } from './WorkspaceForms';
import { Tabs, type Tab as TabProps } from '../components/Tabs';
import { ContactSwitcher } from './workspace/ContactSwitcher';
import { HistoryPanel, useContactHistory } from './workspace/HistoryPanel';
import { KeyboardShortcuts, useWorkspaceShortcuts } from './workspace/shortcuts';
import { useFitToScreen } from './workspace/fitToScreen';

const contactTabs = ['details', 'history', 'triage', 'summary', 'transfer', 'close'];

const citizenName = (c: Contact) => c.chat?.citizenName || c.callback?.name || c.name;

const title = (c: Contact | null) => {
  if (!c) return 'Contact';
  if (c.channel === 'WEB') return `Report ${c.reference}`;
  const who = citizenName(c) || c.from;
  return { CHAT: 'Live chat', CALLBACK: 'Call-back', PHONE: 'Phone call' }[c.channel] + (who ? ` with ${who}` : '');
};

export function ContactPage() {
  const { contactId = '' } = useParams();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  // The server ended this handler's chat stream: someone transferred or closed it meanwhile.
  const [chatLost, setChatLost] = useState(false);
  const h1 = usePage(title(contact), errors.length > 0);
  const me = useMe();
  const navigate = useNavigate();
  // The contact view is a read model that can trail a take by a moment: what the take
  // answered (here, or on the console via router state) wins over a stale WAITING.
  const taken = useLocation().state as { taken?: QueueItem } | null;
  const withTake = (c: Contact, t?: QueueItem | null) =>
    t && t.contactId === c.contactId && c.state === 'WAITING' ? { ...c, state: t.state, handler: t.handler } : c;
  // Opening a contact may need a reason (428): asked once, then sent on every reload of this contact.
  const access = useAccessReason(contactId);
  const load = (t: QueueItem | null | undefined = taken?.taken) =>
    access
      .guarded((headers) => getContact(contactId, headers))
      .then(
        (c) => {
          if (c) {
            setContact(withTake(c, t));
            setError('');
          }
        },
        (e) => setError(e instanceof HttpError && e.status === 404 ? 'There is no contact with that ID.' : 'The contact could not be loaded.'),
      );
  useEffect(() => {
    setContact(null);
    setError('');
    setChatLost(false);
    load();
  }, [contactId]);
  const claim = () =>
    take(contactId).then(load, (e) =>
      // 401: the page asks to sign in again itself.
      setErrors(
        e instanceof HttpError && e.status === 401
          ? []
          : [
              {
                field: '',
                message:
                  e instanceof HttpError && e.status === 409
                    ? 'Another handler took this contact first'
                    : 'Sorry, there is a problem with the service. Try again.',
              },
            ],
      ),
    );
  // Only the handler working a chat may read it: the server refuses anyone else's subscription.
  const mine = contact?.handler === me?.username;
  // Auditors may read a contact (the server lets them GET it) but never act on it.
  const canAct = !me || isCaseworker(me.roles);
  const ctx: FormContext = { contactId, errors, setErrors };
  // A closed contact is history: no forms to act on it, nothing to type into.
  const closed = contact?.state === 'CLOSED';
  const hungUp = useCallEnded(contactId, contact?.channel === 'PHONE' && mine) || !!contact?.call?.hangupCause;
  const history = useContactHistory(contactId, access.reason, !!contact && !access.prompt);
  const [tab, setTab] = useState(contactTabs[0]);
  // A refused form's errors are in a tab that may be hidden: show that tab.
  useEffect(() => {
    const failed = contactTabs.find((t) => errors.some((e) => e.field.startsWith(`${t}-`)));
    if (failed) setTab(failed);
  }, [errors]);
  const workspace = useRef<HTMLDivElement>(null);
  useWorkspaceShortcuts(workspace, (id) => navigate(`/staff/contacts/${encodeURIComponent(id)}`));
  useFitToScreen(workspace);
  const tabs: TabProps[] = !contact
    ? []
    : [
        ...(contact.channel === 'CHAT' ? [{ id: 'details', label: 'Details', panel: <ContactDetails c={contact} /> }] : []),
        {
          id: 'history',
          label: history.history?.repeat ? (
            <>
              History <strong className="moj-badge moj-badge--red">Repeat</strong>
            </>
          ) : (
            'History'
          ),
          panel: <HistoryPanel {...history} />,
        },
        {
          id: 'triage',
          label: 'Triage',
          panel: (
            <>
              {canAct && !closed && <TriageForm ctx={ctx} />}
              {(contact.triage ?? []).length > 0 ? <TriageHistory triage={contact.triage} /> : closed && <p className="govuk-body">Not triaged.</p>}
            </>
          ),
        },
        ...(canAct && !closed
          ? [
              { id: 'summary', label: 'Case', panel: <SummaryForm ctx={ctx} caseReference={contact.caseReference} channel={contact.channel} /> },
              ...(!hungUp ? [{ id: 'transfer', label: 'Transfer', panel: <TransferForm ctx={ctx} channel={contact.channel} /> }] : []),
              { id: 'close', label: 'Close', panel: <CloseForm ctx={ctx} /> },
            ]
          : []),
      ];
  const shown = tabs.some((t) => t.id === tab) ? tab : (tabs[0]?.id ?? '');
  return (
    <>
      <Link to="/staff/queue" className="govuk-back-link">
        Back to queues
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className={contact ? 'govuk-heading-m' : 'govuk-heading-l'} ref={h1} tabIndex={-1}>
        {title(contact)}
      </h1>
      {access.prompt && (
        <ReasonForm
          prefix="access"
          question="Why are you opening this record?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={(reason) => (access.setReason(reason), load())}
        />
      )}
      {!access.prompt && error && <p className="govuk-error-message">{error}</p>}
      {!access.prompt && !contact && !error && <p className="govuk-body">Loading…</p>}
      {!access.prompt && contact && (
        // The handler's contacts, the conversation and the contact's context side by side,
        // each scrolling on its own, so a 1280 by 800 screen shows all three at once.
        <div className="app-workspace" data-testid="workspace" ref={workspace}>
          <div className="app-workspace__side">
            <ContactSwitcher current={contactId} />
            <KeyboardShortcuts />
          </div>
          <div className="app-workspace__main">
            {contact.channel === 'PHONE' && hungUp && (
              <div className="govuk-inset-text" role="status" data-testid="call-ended">
                The caller has hung up. Record what the call was about, then close it: it cannot be transferred now.
              </div>
            )}
            <TransferNotes transfers={contact.transfers ?? []} />
            {canAct && contact.state === 'WAITING' && (
              <button type="button" className="govuk-button" onClick={claim}>
                Take this contact
              </button>
            )}
            {canAct && closed && (
              <p className="govuk-inset-text" data-testid="contact-closed">
                This contact is closed{contact.outcome ? `: ${contact.outcome}` : ''}. There is nothing more to record on it
                {contact.caseReference ? '; its case carries on' : ''}.
              </p>
            )}
            {contact.channel !== 'CHAT' && <ContactDetails c={contact} />}
            {contact.channel === 'CHAT' && chatLost && (
              <p className="govuk-inset-text" role="status" data-testid="chat-lost">
                This chat is no longer yours. It has been transferred or closed, so you cannot see or send its messages.
              </p>
            )}
            {contact.channel === 'CHAT' && mine && !chatLost && (
              <StaffChat
                key={contactId}
                contactId={contactId}
                reason={access.reason}
                citizen={citizenName(contact) || 'Citizen'}
                canned={{ citizenName: citizenName(contact), reference: contact.caseReference }}
                onAccessEnded={() => {
                  setChatLost(true);
                  load(null);
                }}
              />
            )}
            {contact.channel === 'CHAT' && !mine && !chatLost && (
              <ChatTranscript contactId={contactId} citizen={citizenName(contact) || 'Citizen'} reason={access.reason()} />
            )}
            {canAct && !closed && contact.channel === 'CALLBACK' && <CallbackAttemptForm ctx={ctx} />}
          </div>
          <div className="app-workspace__context" data-testid="contact-context">
            <Tabs title="About this contact" tabs={tabs} selected={shown} onSelect={setTab} />
          </div>
        </div>
      )}
    </>
  );
}

/** Whether the server has said this handler's call has ended, while the page is open. */
function useCallEnded(contactId: string, listening: boolean) {
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    setEnded(false);
    if (!listening) return;
    const client = openStomp({
      connectHeaders: staffConnectHeaders,
      onConnect: (stomp) =>
        stomp.subscribe('/user/queue/contact-events', (m) => {
          const event = parse<{ type: string; contactId: string }>(m);
          if (event?.type === 'call-ended' && event.contactId === contactId) setEnded(true);
        }),
    });
    return () => void client.deactivate();
  }, [contactId, listening]);
  return ended;
}

const HANDLER_ENDED_BECAUSE: Record<string, string> = {
  CITIZEN_LEFT: 'The citizen has left: their page was closed or offline for too long. Record what the chat was about and close it.',
  IDLE: 'This chat closed because nobody wrote after the warning.',
};

interface StaffChatProps {
  contactId: string;
  citizen: string;
  /** The reason given to open this contact, sent again with each transcript read. */
  reason: () => string;
  /** What the canned responses' placeholders are filled in with. */
  canned: { citizenName?: string | null; reference?: string | null };
  onAccessEnded: () => void;
}

function StaffChat({ contactId, citizen, reason, canned, onAccessEnded }: StaffChatProps) {
  const [state, setState] = useState<ChatState | null>(null);
  const [idleClosesAt, setIdleClosesAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const { transcript, send, typing, typingAuthor } = useChat({
    contactId,
    connectHeaders: staffConnectHeaders,
    fetchAfter: (after) => getChatMessages(contactId, after, reasonHeaders(reason())),
    onState: setState,
    onIdleWarning: setIdleClosesAt,
    onAccessEnded,
  });
  const over = state?.state === 'ENDED' || state?.state === 'ABANDONED';
  return (
    <section aria-labelledby="chat-heading" className="govuk-!-margin-bottom-8">
      {/* Ending the chat sits by its heading, so the message box keeps the height. */}
      <div className="app-chat-heading">
        <h2 className="govuk-heading-m govuk-!-margin-bottom-0" id="chat-heading">
          Conversation
        </h2>
        {!over && (
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            onClick={() =>
              endChat(contactId).then(
                () => setState({ state: 'ENDED' }),
                () => setFailed(true),
              )
            }
          >
            End chat
          </button>
        )}
      </div>
      {over && (
        <p className="govuk-inset-text" role="status" data-testid="chat-ended">
          {HANDLER_ENDED_BECAUSE[state?.endReason ?? ''] ?? 'This chat has ended.'}
        </p>
      )}
      {!over && <IdleWarning closesAt={idleClosesAt} />}
      <ChatPanel
        transcript={transcript}
        me="HANDLER"
        otherName={citizen}
        onSend={over ? undefined : send}
        draftKey={`${contactId}:message`}
        onTyping={typing}
        typingAuthor={over ? null : typingAuthor}
        tools={(composer) => <CannedResponsePicker composer={composer} values={canned} />}
        attachment={(file) => <StaffFile base={`/api/v1/staff/contacts/${encodeURIComponent(contactId)}/evidence`} file={file} reason={reason()} />}
        upload={
          <EvidenceUpload
            id="handlerChatFile"
            label="Send the citizen a file"
            hint="A photo, video, recording or document, smaller than 20MB. It is checked for viruses first."
            url={`/api/v1/staff/contacts/${encodeURIComponent(contactId)}/chat/evidence`}
            onSent={() => undefined}
          />
        }
      />
      {failed && <p className="govuk-error-message">The chat could not be ended. Try again.</p>}
    </section>
  );
}

/** The citizen chose Welsh: the handler answers, writes updates and calls back in Welsh. */
function ContactLanguage({ language }: { language?: string | null }) {
  return language === 'WELSH' ? (
    <strong className="govuk-tag govuk-tag--purple" data-testid="contact-language">
      Welsh (Cymraeg): reply in Welsh
    </strong>
  ) : (
    <span data-testid="contact-language">English</span>
  );
}

function ContactDetails({ c }: { c: Contact }) {
  const when = (iso?: string | null) => (iso ? formatDateTime(iso) : undefined);
  const language: [string, ReactNode] = ['Language', <ContactLanguage language={c.language} />];
  const rows: [string, ReactNode | undefined][] =
    c.channel === 'WEB'
      ? [
          ['Received', when(c.receivedAt)],
          ['Channel', CONTACT_KINDS[c.channel] ?? c.channel],
          language,
          [
            'Case',
            c.caseReference && (
              <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(c.caseReference)}`}>
                {c.caseReference}
              </Link>
            ),
          ],
          ['Category', c.categoryLabel],
          ['What happened', c.description],
          ['Where', c.location],
          ['Date', c.occurredOn && formatDate(c.occurredOn)],
          ['Time', c.occurredTime || 'Not given'],
          ['Name', c.anonymous ? 'Not given (anonymous)' : c.name],
          ['Email', c.email || 'Not given'],
          ['Phone', c.phone || 'Not given'],
          ['Updates by', labelOf(CHANNELS, c.updateChannel)],
          ['Updates how often', labelOf(FREQUENCIES, c.updateFrequency)],
        ]
      : [
          ['Received', when(c.queuedAt ?? c.receivedAt)],
          ['Channel', CONTACT_KINDS[c.channel] ?? c.channel],
          language,
          ['Name', citizenName(c) || 'Not given'],
          ['Phone', c.callback?.phone || c.from || undefined],
          ['About', c.chat?.topic || c.summary],
          ['Call between', c.callback?.windowStart && `${when(c.callback.windowStart)} and ${when(c.callback.windowEnd)}`],
          ['Last attempt', c.callback?.lastAttempt && [c.callback.lastAttempt, c.callback.lastAttemptNote].filter(Boolean).join(': ')],
          ['Grade', c.grade && labelOf(GRADES, c.grade)],
          [
            'Case',
            c.caseReference && (
              <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(c.caseReference)}`}>
                {c.caseReference}
              </Link>
            ),
          ],
          ['Handler', c.handler],
        ];
  return <SummaryList rows={rows.filter(([, v]) => v !== undefined && v !== null && v !== '')} wrap="pre-wrap" />;
}

/** Why the contact came to this handler: the note of each transfer, newest first. */
function TransferNotes({ transfers }: { transfers: Contact['transfers'] }) {
  if (!transfers.length) return null;
  return (
    <section aria-labelledby="transfer-notes-heading" className="govuk-inset-text" data-testid="transfer-notes">
      <h2 className="govuk-heading-s" id="transfer-notes-heading">
        Transfer notes
      </h2>
      {[...transfers].reverse().map((t, i) => (
        <p className="govuk-body app-pre-wrap" key={`${t.at}-${i}`}>
          <strong>
            {t.fromHandler || 'A handler'} {t.toHandler ? `to ${t.toHandler}` : 'back to the queue'}, {formatDateTime(t.at)}:
          </strong>{' '}
          {t.note}
        </p>
      ))}
    </section>
  );
}

/** Every THRIVE assessment of the contact, newest first, with the reasons given for it. */
function TriageHistory({ triage }: { triage: Contact['triage'] }) {
  return (
    <section aria-labelledby="triage-history-heading" data-testid="triage-history">
      <h2 className="govuk-heading-m" id="triage-history-heading">
        THRIVE assessments
      </h2>
      {[...triage].reverse().map((t, i) => (
        <SummaryList
          key={`${t.at}-${i}`}
          wrap="pre-wrap"
          rows={[
            ['Grade', labelOf(GRADES, t.grade)],
            ['Assessed', `${formatDateTime(t.at)} by ${t.by}`],
            ...THRIVE_PARTS.filter(({ value }) => t[value as keyof typeof t]).map(
              ({ value, label }) => [label, String(t[value as keyof typeof t])] as [string, ReactNode],
            ),
            ['Rationale', t.rationale],
          ]}
        />
      ))}
    </section>
  );
}
