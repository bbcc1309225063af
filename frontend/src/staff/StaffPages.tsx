import { createContext, useContext, useEffect, useState, type FormEvent } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, TextInput } from '../components/fields';
import { HttpError, type FieldError } from '../lib/http';
import { usePage } from '../lib/page';
import { getMe, signIn, signOut, type Me } from './api';

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
