import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, TextInput } from '../components/fields';
import { formatDate, formatDateTime, HttpError, type FieldError } from '../lib/http';
import { usePage } from '../lib/page';
import { CHANNELS, FREQUENCIES, labelOf } from '../citizen/report/model';
import { formatWaiting, getContact, getMe, getQueue, signIn, signOut, type Contact, type Me, type QueueItem } from './api';

const MeContext = createContext<Me | null>(null);

/** Every staff page but sign-in: no session, no page. */
export function StaffArea() {
  const [me, setMe] = useState<Me | null | 'none'>(null);
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    getMe().then(setMe, () => setMe('none'));
  }, []);
  if (me === 'none') return <Navigate to="/staff/sign-in" replace state={{ from: location.pathname }} />;
  if (!me) return <p className="govuk-body">Loading…</p>;
  return (
    <MeContext.Provider value={me}>
      <div className="app-staff-bar">
        <p className="govuk-body-s">Signed in as {me.username}</p>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
          onClick={() => signOut().finally(() => navigate('/staff/sign-in'))}
        >
          Sign out
        </button>
      </div>
      <Outlet />
    </MeContext.Provider>
  );
}

export const useMe = () => useContext(MeContext);

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Staff sign in', errors.length > 0);
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/staff/queue';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'username', message: 'Enter your username' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    if (found.length) return setErrors(found);
    try {
      await signIn(username.trim(), password);
      navigate(from.startsWith('/staff/') ? from : '/staff/queue');
    } catch (e) {
      const wrong = e instanceof HttpError && e.status === 401;
      setErrors([
        wrong
          ? { field: 'username', message: 'Enter a correct username and password' }
          : { field: '', message: 'Sorry, there is a problem with the service. Try again later.' },
      ]);
    }
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          Staff sign in
        </h1>
        <form noValidate onSubmit={submit}>
          <TextInput id="username" label="Username" autoComplete="username" spellCheck={false} value={username} onChange={setUsername} error={err('username')} />
          <TextInput id="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={err('password')} />
          <Button>Sign in</Button>
        </form>
      </div>
    </div>
  );
}

export function QueuePage() {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const h1 = usePage('New web reports');
  useEffect(() => {
    const load = () =>
      getQueue().then(
        (q) => {
          setItems(q);
          setFailed(false);
          setNow(new Date());
        },
        () => setFailed(true),
      );
    load();
    // Polling until live queue updates arrive over WebSocket.
    const timer = setInterval(load, 30000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        New web reports
      </h1>
      {failed && <p className="govuk-error-message">The queue could not be loaded. It will try again in 30 seconds.</p>}
      {items === null ? (
        <p className="govuk-body">Loading…</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">There are no new web reports.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {items.length} waiting, longest waiting first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Reference', 'Category', 'Summary', 'Location', 'Waiting'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((i) => (
              <tr className="govuk-table__row" key={i.contactId}>
                <td className="govuk-table__cell app-nowrap">
                  <Link className="govuk-link" to={`/staff/contacts/${encodeURIComponent(i.contactId)}`}>
                    {i.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{i.categoryLabel}</td>
                <td className="govuk-table__cell">{i.summary}</td>
                <td className="govuk-table__cell">{i.location}</td>
                <td className="govuk-table__cell">
                  <time dateTime={i.receivedAt}>{formatWaiting(i.receivedAt, now)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ContactPage() {
  const { contactId = '' } = useParams();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState('');
  const h1 = usePage(contact ? `Report ${contact.reference}` : 'Report');
  useEffect(() => {
    getContact(contactId).then(setContact, (e) =>
      setError(e instanceof HttpError && e.status === 404 ? 'There is no report with that ID.' : 'The report could not be loaded.'),
    );
  }, [contactId]);
  return (
    <>
      <Link to="/staff/queue" className="govuk-back-link">
        Back to queue
      </Link>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {contact ? `Report ${contact.reference}` : 'Report'}
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {contact && <ContactDetails c={contact} />}
    </>
  );
}

function ContactDetails({ c }: { c: Contact }) {
  const rows: [string, ReactNode][] = [
    ['Received', formatDateTime(c.receivedAt)],
    ['Channel', c.channel],
    ['Category', c.categoryLabel],
    ['What happened', c.description],
    ['Where', c.location],
    ['Date', formatDate(c.occurredOn)],
    ['Time', c.occurredTime || 'Not given'],
    ['Name', c.anonymous ? 'Not given (anonymous)' : c.name],
    ['Email', c.email || 'Not given'],
    ['Phone', c.phone || 'Not given'],
    ['Updates by', labelOf(CHANNELS, c.updateChannel)],
    ['Updates how often', labelOf(FREQUENCIES, c.updateFrequency)],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value app-pre-wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
