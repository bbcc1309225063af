import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, cleanup, mockFetch, renderApp } from '../test/harness';

afterEach(cleanup);

const forceOnly = (path: string) =>
  path === '/api/v1/staff/sign-in-options'
    ? ([200, { password: false, forceAccount: '/oauth2/authorization/entra' }] as [number, unknown])
    : ([401] as [number]);

describe('staff sign in', () => {
  it('offers the force account, and no password form, where the server has only that', async () => {
    mockFetch(forceOnly);
    const page = await renderApp('/staff/sign-in');
    const start = [...page.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Sign in with your force account');
    expect(start?.getAttribute('href')).toBe('/oauth2/authorization/entra');
    expect(page.querySelector('#username')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says why when the force account has no Blue Lamp role', async () => {
    mockFetch(forceOnly);
    const page = await renderApp('/staff/sign-in?error=force-account');
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Your force account has no access to Blue Lamp');
  });

  it('keeps the demo password form in the demo', async () => {
    mockFetch((path) => (path === '/api/v1/staff/sign-in-options' ? [200, { password: true, forceAccount: null }] : [401]));
    const page = await renderApp('/staff/sign-in');
    expect(page.querySelector('#username')).not.toBeNull();
    expect(page.textContent).not.toContain('force account');
  });
});
