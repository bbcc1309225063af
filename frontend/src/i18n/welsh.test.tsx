import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, cleanup, click, mockFetch, renderApp, settle, type } from '../test/harness';
import { chooseLanguage, i18n, LANGUAGE_COOKIE } from '.';

// Every key a Welsh page asked for and Welsh did not have (i18next tells, with saveMissing on).
const missing: string[] = [];
const record = (_languages: readonly string[], _namespace: string, key: string) => missing.push(key);

beforeAll(() => {
  i18n.options.saveMissing = true;
  i18n.on('missingKey', record);
});

afterEach(cleanup);

afterAll(() => {
  i18n.off('missingKey', record);
  i18n.options.saveMissing = false;
  chooseLanguage('en');
  document.cookie = `${LANGUAGE_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
});

const h1 = (page: Element) => page.querySelector('h1')?.textContent?.trim();

describe('the citizen pages in Welsh', () => {
  it('switch language with the GOV.UK language switch, and keep it for the next page', async () => {
    chooseLanguage('en');
    const page = await renderApp('/');
    expect(document.documentElement.lang).toBe('en');
    const toWelsh = page.querySelector<HTMLAnchorElement>('[data-testid=language-select] a')!;
    expect(toWelsh.getAttribute('hreflang')).toBe('cy');
    expect(toWelsh.getAttribute('lang')).toBe('cy');
    expect(toWelsh.textContent).toContain('Newid yr iaith i’r Gymraeg');
    await click(toWelsh);
    expect(document.documentElement.lang).toBe('cy');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=cy`);
    expect(h1(page)).toBe('Cysylltu â’r heddlu pan nad yw’n argyfwng');
    expect(page.querySelector('[data-testid=accessible-routes] summary')?.textContent).toContain('Iaith Arwyddion Prydain');
    // Its links carry their words (markup in a translation is given its element, never left empty).
    expect(page.querySelector<HTMLAnchorElement>('a[href="/track"]')?.textContent).toBe('Traciwch adroddiad');
    expect(await axeViolations(document.body)).toEqual([]);
    // The current language is said, not linked; the other one is the link back.
    expect(page.querySelector('[data-testid=language-select] [aria-current]')?.textContent).toBe('Cymraeg');
    expect(page.querySelector('[data-testid=language-select] a')?.getAttribute('hreflang')).toBe('en');
  });

  it.each([
    ['/report/danger', 'A oes unrhyw un mewn perygl uniongyrchol, neu a yw’r drosedd yn digwydd nawr?'],
    ['/report/topic', 'Am beth mae’r adroddiad?'],
    ['/report/elsewhere?about=fraud', 'Rhoi gwybod i Action Fraud am dwyll'],
    ['/report/what-happened', 'Beth ddigwyddodd?'],
    ['/report/updates', 'Diweddariadau am eich adroddiad'],
    ['/chat/details', 'Dechrau sgwrs fyw'],
    ['/callback/details', 'Gofyn i ni eich ffonio’n ôl'],
    ['/track', 'Tracio eich adroddiad'],
    ['/feedback?reference=BL-2026-000123&token=t0k3n', 'Dywedwch wrthym sut wnaethon ni'],
    ['/no-such-page', 'Heb ddod o hyd i’r dudalen'],
  ])('%s is in Welsh, says so, and is axe-clean', async (path, heading) => {
    chooseLanguage('cy');
    mockFetch(() => [200, {}]);
    const page = await renderApp(path);
    expect(h1(page)).toBe(heading);
    expect(document.documentElement.lang).toBe('cy');
    expect(await axeViolations(document.body)).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('shows Welsh errors, and asks the server for Welsh ones', async () => {
    chooseLanguage('cy');
    const calls = mockFetch(() => [404, { detail: 'Not found' }]);
    const page = await renderApp('/track');
    await click(page.querySelector('button')!);
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Mae problem wedi codi');
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Rhowch eich cyfeirnod');
    expect(document.title).toMatch(/^Gwall: Tracio eich adroddiad/);
    await type(page.querySelector('#reference'), 'BL-2026-000123');
    await type(page.querySelector('#trackingCode'), '7KQ4-M2XP-9HTD');
    await click(page.querySelector('button')!);
    await settle();
    expect(calls.find((c) => c.path.includes('/tracking'))?.headers['accept-language']).toBe('cy');
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Nid oeddem yn gallu dod o hyd i adroddiad');
    expect(missing).toEqual([]);
  });

  it('leaves staff pages in English', async () => {
    chooseLanguage('cy');
    mockFetch(() => [401, {}]);
    await renderApp('/staff/sign-in');
    await settle();
    expect(document.documentElement.lang).toBe('en');
  });
});
