import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Radios } from '../components/fields';
import { HttpError, type FieldError } from '../lib/http';
import { usePage } from '../lib/page';
import { openStomp, parse } from '../lib/stomp';
import {
  getAvailability,
  getMyContacts,
  getQueues,
  setAvailability,
  take,
  takeNext,
  xsrfToken,
  type Queue,
  type QueueItem,
  type ScreenPop,
} from './api';
import { MyContacts, OfferBanner, QueueTable, ScreenPopPanel } from './ConsoleParts';
import { AlertSettings, useNewContactAlerts } from './alerts';
import { applyMine, applyQueueItem } from './queueState';
import { useMe, useSignedIn } from './StaffPages';
import { DueCases } from './cases/Cases';
import { DisplayNameForm } from './Staffing';

const STATUSES = ['AVAILABLE', 'BUSY', 'AWAY', 'OFFLINE'].map((s) => ({ value: s, label: s[0] + s.slice(1).toLowerCase() }));
const SERVICE_ERROR = 'Sorry, there is a problem with the service. Try again.';

export const staffConnectHeaders = async () => ({ 'X-XSRF-TOKEN': await xsrfToken() });

export function ConsolePage() {
  const me = useMe();
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [mine, setMine] = useState<QueueItem[]>([]);
  const [offer, setOffer] = useState<QueueItem | null>(null);
  const [pop, setPop] = useState<ScreenPop | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [live, setLive] = useState(false);
  const signedIn = useSignedIn();
  const h1 = usePage('Contact queues', errors.length > 0);
  useNewContactAlerts(queues, errors.length > 0 ? 'Error: Contact queues' : 'Contact queues');
  const navigate = useNavigate();
  const username = useRef(me?.username ?? '');

  const reload = () =>
    Promise.all([getQueues(), getMyContacts()]).then(
      ([q, m]) => {
        setQueues(q);
        setMine(m);
      },
      () => setErrors([{ field: '', message: 'The queues could not be loaded. They will load again when the connection is back.' }]),
    );

  useEffect(() => {
    reload();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const client = openStomp({
      connectHeaders: staffConnectHeaders,
      onStatus: setLive,
      onConnect: (stomp) => {
        stomp.subscribe('/topic/queues', (m) => {
          const item = parse<QueueItem>(m);
          if (!item) return;
          setQueues((qs) => qs && applyQueueItem(qs, item));
          setMine((ms) => applyMine(ms, item, username.current));
        });
        stomp.subscribe('/user/queue/offers', (m) => {
          const item = parse<QueueItem>(m);
          if (item) setOffer(item);
          if (item) setMine((ms) => applyMine(ms, { ...item, state: 'ASSIGNED', handler: username.current }, username.current));
        });
        stomp.subscribe('/user/queue/screen-pop', (m) => setPop(parse<ScreenPop>(m) ?? null));
        // Whatever changed while we were disconnected.
        reload();
      },
    });
    return () => {
      clearInterval(tick);
      client.deactivate();
    };
  }, []);

  const claim = async (get: () => Promise<QueueItem>, emptyMessage: string) => {
    try {
      const item = await get();
      navigate(`/staff/contacts/${encodeURIComponent(item.contactId)}`, { state: { taken: item } });
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 0;
      if (status === 409) setErrors([{ field: '', message: 'Another handler took this contact first' }]);
      else if (status === 404) setErrors([{ field: '', message: emptyMessage }]);
      else if (status !== 401) setErrors([{ field: '', message: SERVICE_ERROR }]); // 401: the page asks to sign in again
      reload();
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Contact queues
      </h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/staff/cases">
          Cases
        </Link>
        {me?.roles.includes('SUPERVISOR') && (
          <>
            {' · '}
            <Link className="govuk-link" to="/staff/supervisor">
              Supervisor dashboard
            </Link>
          </>
        )}
      </p>
      <p className="govuk-body-s" role="status">
        {!signedIn
          ? 'Not live: your session has ended. Sign in again to see the queues as they change.'
          : live
            ? 'Live: queues update as contacts arrive.'
            : 'Connecting to live updates…'}
      </p>
      {offer && <OfferBanner item={offer} onDismiss={() => setOffer(null)} />}
      {pop && <ScreenPopPanel pop={pop} onDismiss={() => setPop(null)} />}
      <AlertSettings />
      <AvailabilityForm onError={() => setErrors([{ field: '', message: SERVICE_ERROR }])} />
      <DisplayNameForm onErrors={setErrors} />
      <MyContacts items={mine} />
      {queues === null ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        queues.map((q) => (
          <QueueTable
            key={q.channel}
            queue={q}
            now={now}
            onTake={(i) => claim(() => take(i.contactId), 'That contact is no longer waiting')}
            onTakeNext={() => claim(() => takeNext(q.channel), 'No one is waiting in that queue')}
          />
        ))
      )}
      <DueCases />
    </>
  );
}

function AvailabilityForm({ onError }: { onError: () => void }) {
  const [status, setStatus] = useState('');
  const [saved, setSaved] = useState('');
  const me = useMe();
  // The handler's recorded availability, so the radios show where they stand on every load.
  useEffect(() => {
    if (!me) return;
    getAvailability().then(
      (all) => setStatus((chosen) => chosen || (all.find((h) => h.handler === me.username)?.status ?? '')),
      () => {},
    );
  }, [me?.username]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status) setAvailability(status).then(() => setSaved(status), onError);
  };
  return (
    <form noValidate onSubmit={submit}>
      <Radios name="availability" legend="Your availability" legendSize="m" inline options={STATUSES} value={status} onChange={setStatus} />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Set availability
      </button>
      <p className="govuk-body" role="status" data-testid="availability">
        {saved && `You are ${saved.toLowerCase()}.`}
      </p>
    </form>
  );
}
