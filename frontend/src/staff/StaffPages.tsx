import { createContext, useContext, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, TextInput } from '../components/fields';
import { fieldErrors, HttpError, SIGNED_OUT, type FieldError } from '../lib/http';
import { usePage } from '../lib/page';
import { getMe, getSignInOptions, signIn, signOut, type Me, type SignInOptions } from './api';
import { DeadLetterWarning } from './deadletters/DeadLetterWarning';
import { dropAllDrafts } from './workspace/drafts';
import { forgetSeenMessages } from './workspace/ContactSwitcher';
import { afterSignIn, canSee, homeFor, isAdmin, isAuditor, isCaseworker, isRetentionReviewer } from './roles';

const MeContext = createContext<Me | null>(null);

/** Every staff page but sign-in: no session, no page. */
export function StaffArea() {
  const [me, setMe] = useState<Me | null | 'none'>(null);
  const [expired, setExpired] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    getMe().then(setMe, () => setMe('none'));
  }, []);
  // A session that ends under a page is not "a problem with the service": the page stays, with
  // everything typed into it, and asks to sign in again in place.
  useEffect(() => {
    const ended = () => setExpired(true);
    window.addEventListener(SIGNED_OUT, ended);
    return () => window.removeEventListener(SIGNED_OUT, ended);
  }, []);
  if (me === 'none') return <Navigate to="/staff/sign-in" replace state={{ from: location.pathname }} />;
  if (!me) return <p className="govuk-body">Loading…</p>;
  return (
    <MeContext.Provider value={me}>
      <SessionContext.Provider value={!expired}>
        {expired && <SignInAgain username={me.username} onSignedIn={() => setExpired(false)} />}
        <div className="app-staff-bar">
          <p className="govuk-body-s">Signed in as {me.username}</p>
          <StaffNav roles={me.roles} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
            onClick={() => (dropAllDrafts(), forgetSeenMessages(), signOut().finally(() => navigate('/staff/sign-in')))}
          >
            Sign out
          </button>
        </div>
        <DeadLetterWarning roles={me.roles} />
        <Outlet />
      </SessionContext.Provider>
    </MeContext.Provider>
  );
}

export const useMe = () => useContext(MeContext);

const SessionContext = createContext(true);
/** False once the session has ended under the page, until the person signs in again. */
export const useSignedIn = () => useContext(SessionContext);

/** Signing in again without leaving the page, so nothing typed into it is lost. */
function SignInAgain({ username, onSignedIn }: { username: string; onSignedIn: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError('Enter your password');
    signIn(username, password).then(
      () => (setPassword(''), onSignedIn()),
      () => setError('That password is not right, or the service cannot sign you in now. Try again.'),
    );
  };
  return (
    <div
      className="govuk-notification-banner"
      role="alert"
      aria-labelledby="session-ended-title"
      tabIndex={-1}
      ref={panel}
      data-testid="session-ended"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="session-ended-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Your session has ended. Sign in again to carry on.</p>
        <p className="govuk-body">Nothing you have typed on this page is lost. After signing in, send it again.</p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="again-password"
            label={`Password for ${username}`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={error || undefined}
          />
          <Button>Sign in again</Button>
        </form>
      </div>
    </div>
  );
}

/** The staff areas this person may use; the audit area only for auditors and administrators, data protection and dead letters only for administrators. */
function StaffNav({ roles }: { roles: string[] }) {
  const links: [string, string][] = [
    ...(isCaseworker(roles)
      ? ([
          ['/staff/queue', 'Queues'],
          ['/staff/cases', 'Cases'],
          ['/staff/replies', 'Replies to match'],
        ] as [string, string][])
      : []),
    ...(roles.includes('SUPERVISOR') ? ([['/staff/supervisor', 'Supervisor dashboard']] as [string, string][]) : []),
    ...(isAuditor(roles) ? ([['/staff/audit', 'Audit']] as [string, string][]) : []),
    ...(isAdmin(roles)
      ? ([
          ['/staff/data-protection', 'Data protection'],
          ['/staff/dead-letters', 'Dead letters'],
        ] as [string, string][])
      : []),
    ...(isRetentionReviewer(roles) ? ([['/staff/retention', 'Retention reviews']] as [string, string][]) : []),
  ];
  if (!links.length) return null;
  return (
    <nav aria-label="Staff areas" className="app-staff-nav">
      <ul className="govuk-list app-staff-nav__list">
        {links.map(([to, label]) => (
          <li key={to} className="app-staff-nav__item">
            <NavLink className="govuk-link govuk-link--no-visited-state" to={to}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** `/staff` itself: case workers to the queues, auditors to the audit area. */
export function StaffHome() {
  const me = useMe();
  return <Navigate to={homeFor(me?.roles ?? [])} replace />;
}

/** Pages for some roles only: anyone else gets a plain refusal, not a page of failed calls. */
export function RequireRole({ allowed }: { allowed: (roles: string[]) => boolean }) {
  const me = useMe();
  return me && allowed(me.roles) ? <Outlet /> : <NoAccess />;
}

/** Pages whose use depends on the role, by address (roles.canSee): the queues are case work, say. */
export function RequirePage() {
  const me = useMe();
  const { pathname } = useLocation();
  return me && canSee(pathname, me.roles) ? <Outlet /> : <NoAccess />;
}

function NoAccess() {
  const h1 = usePage('You cannot see this page');
  const me = useMe();
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        You cannot see this page
      </h1>
      <p className="govuk-body">Your account does not have the role this page needs.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={homeFor(me?.roles ?? [])}>
          Go to your start page
        </Link>
      </p>
    </>
  );
}

/** The identity provider sends people back here when their force account has no Blue Lamp role. */
const FORCE_ACCOUNT_REFUSED: FieldError = {
  field: '',
  message: 'Your force account has no access to Blue Lamp. Ask your supervisor to request a role for you.',
};

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const location = useLocation();
  const refused = new URLSearchParams(location.search).get('error') === 'force-account';
  const [errors, setErrors] = useState<FieldError[]>(refused ? [FORCE_ACCOUNT_REFUSED] : []);
  // Until the server says otherwise, the password form shows (as in the demo).
  const [options, setOptions] = useState<SignInOptions>({ password: true, forceAccount: null });
  const h1 = usePage('Staff sign in', errors.length > 0);
  const navigate = useNavigate();
  const from = (location.state as { from?: string } | null)?.from;
  useEffect(() => {
    getSignInOptions().then(setOptions, () => undefined);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'username', message: 'Enter your username' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    if (found.length) return setErrors(found);
    try {
      // Auditors have no queue: they start in the audit area.
      const me = await signIn(username.trim(), password);
      navigate(afterSignIn(from, me?.roles ?? (await getMe()).roles));
    } catch (e) {
      const wrong = e instanceof HttpError && e.status === 401;
      // Anything else the server explains (too many attempts: when to try again) is shown as it says.
      setErrors(wrong ? [{ field: 'username', message: 'Enter a correct username and password' }] : fieldErrors(e));
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
        {options.forceAccount && (
          // A full page visit, not an app route: the identity provider's sign-in happens on its own pages.
          <a href={options.forceAccount} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Sign in with your force account
          </a>
        )}
        {options.password && (
          <form noValidate onSubmit={submit}>
            {options.forceAccount && <p className="govuk-body">Or sign in with a demo account.</p>}
            <TextInput
              id="username"
              label="Username"
              autoComplete="username"
              spellCheck={false}
              value={username}
              onChange={setUsername}
              error={err('username')}
            />
            <TextInput
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={err('password')}
            />
            <Button>Sign in</Button>
          </form>
        )}
      </div>
    </div>
  );
}
