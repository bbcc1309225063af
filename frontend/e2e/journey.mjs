// Keyboard-only browser journey through Blue Lamp with an axe check on every page.
// Usage: node e2e/journey.mjs <baseUrl>   (or BASE_URL=...)
import { assert, baseUrl, log, newDriver, runJourney } from './lib.mjs';
import { signpostedElsewhere, signpostingReport, victimSupportReferral } from './steps/signposting.mjs';
import { welshJourney } from './steps/welsh.mjs';

const BASE = baseUrl();
const NOT_FOUND = 'We could not find a report with that reference and tracking code';
const DESCRIPTION = 'My blue bicycle was taken from the rack outside the library. The lock was cut.';
const LOCATION = 'Outside the library, High Street, Anytown';

let d;
let page;
const arrive = (...a) => d.arrive(...a);
const checkPage = (...a) => d.checkPage(...a);
const typeInto = (...a) => d.typeInto(...a);
const chooseRadio = (...a) => d.chooseRadio(...a);
const pressButton = (...a) => d.pressButton(...a);
const followLink = (...a) => d.followLink(...a);
const text = (...a) => d.text(...a);
// reportJourney has a date of its own called d.
const driverNow = () => d;

async function reportJourney() {
  log('start page');
  await page.goto(`${BASE}/`);
  await arrive('/', 'start');
  const order = await page.evaluate(() => {
    const all = [...document.querySelectorAll('h2')].map((h) => h.textContent);
    return [all.indexOf('In an emergency, call 999'), all.indexOf('How would you like to contact us?')];
  });
  assert(order[0] >= 0 && order[0] < order[1], 'emergency help must come before the contact choices');
  assert((await text('main')).includes('18000'), 'start page must give the 18000 text relay number');
  assert(await page.locator('.govuk-exit-this-page a', { hasText: 'Leave this site' }).isVisible(), 'no "Leave this site" button');

  await followLink('Report online');
  await arrive('/report/danger', 'danger');
  await chooseRadio('anyoneInDanger', 'no');
  await pressButton('Continue');
  await signpostedElsewhere(driverNow());
  await chooseRadio('topic', 'POLICE');
  await pressButton('Continue');

  await arrive('/report/what-happened', 'what-happened');
  await pressButton('Continue');
  await page.locator('.govuk-error-summary').waitFor({ timeout: 5000 });
  assert((await text('.govuk-error-summary')).includes('Select what you are reporting'), 'error summary lacks the category error');
  assert((await text('#description-error')).includes('Enter what happened'), 'no error beside the description');
  assert(new URL(page.url()).pathname === '/report/what-happened', 'an invalid page advanced');
  assert(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), 'error summary not focused');
  await checkPage('what-happened-errors');
  log('empty Continue shows the errors and stays on the page');

  await chooseRadio('category', 'THEFT');
  await typeInto('#description', DESCRIPTION);
  await pressButton('Continue');

  await arrive('/report/where', 'where');
  await typeInto('#location', LOCATION);
  await pressButton('Continue');

  await arrive('/report/when', 'when');
  // A reload part-way loses nothing: the answers so far are in the tab's session storage.
  await page.reload();
  await arrive('/report/when', 'when-after-reload');
  await page.goto(`${BASE}/report/where`);
  await arrive('/report/where', 'where-after-reload');
  assert((await page.inputValue('#location')) === LOCATION, 'the answer to "where" was lost on a reload');
  await pressButton('Continue');
  await arrive('/report/when', 'when');
  log('a reload part-way through the report kept the answers');
  const d = new Date(Date.now() - 864e5);
  await typeInto('#occurredOn-day', String(d.getDate()));
  await typeInto('#occurredOn-month', String(d.getMonth() + 1));
  await typeInto('#occurredOn-year', String(d.getFullYear()));
  await typeInto('#occurredTime', 'around 3pm');
  await pressButton('Continue');

  await arrive('/report/about-you', 'about-you');
  await chooseRadio('giveName', 'yes');
  await typeInto('#name', 'Sam Example');
  await typeInto('#email', 'sam@example.com');
  await typeInto('#phone', '07700 900982');
  await pressButton('Continue');

  await arrive('/report/updates', 'updates');
  await chooseRadio('updateChannel', 'EMAIL');
  assert((await page.inputValue('#updateEmail')) === 'sam@example.com', 'email from "About you" not carried to updates');
  await chooseRadio('updateFrequency', 'WEEKLY');
  await pressButton('Continue');

  await arrive('/report/check', 'check-answers');
  const answers = await text('.govuk-summary-list');
  for (const expected of [DESCRIPTION, LOCATION, 'Theft (not from a vehicle)', 'Sam Example', 'sam@example.com', 'Every week']) {
    assert(answers.includes(expected), `check your answers does not show "${expected}"`);
  }
  await pressButton('Submit report');

  await arrive('/report/confirmation', 'confirmation');
  const reference = (await text('[data-testid=reference]')).trim();
  const code = (await text('[data-testid=tracking-code]')).trim();
  assert(/^BL-\d{4}-\d{6}$/.test(reference), `reference "${reference}" has the wrong format`);
  assert(code.length >= 4, 'no tracking code shown');
  assert((await text('main')).includes('only in this browser tab'), 'the page does not say where the code can be seen again');
  assert(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(code), `tracking code "${code}" has the wrong format`);
  log(`report sent: ${reference}, tracking code ${code}`);
  await page.reload();
  await arrive('/report/confirmation', 'confirmation-after-reload');
  assert((await text('[data-testid=tracking-code]')).trim() === code, 'a reload of the confirmation lost the tracking code');
  await page.setViewportSize({ width: 320, height: 800 });
  const lines = await page.locator('.app-tracking-code__group').evaluateAll((groups) => groups.map((g) => g.getClientRects().length));
  assert(
    lines.every((n) => n === 1),
    'a group of the tracking code wraps at 320 px',
  );
  await checkPage('confirmation-320px');
  await page.setViewportSize({ width: 1024, height: 800 });
  await pressButton('Send them to me by email or text');
  await page.locator('[data-testid=code-status]', { hasText: 'sent your reference and code to the email address' }).waitFor({ timeout: 10000 });
  log('the citizen had their reference and code sent to the email address they gave');
  log('the confirmation shows the code again after a reload, and no group of it wraps at 320 px');
  return { reference, code };
}

async function trackJourney({ reference, code }) {
  await followLink('Track your report');
  await arrive('/track', 'track');
  assert((await page.inputValue('#reference')) === reference, 'reference not carried to the track page');
  await typeInto('#trackingCode', code);
  // The tracking read model is eventually consistent: a fresh report may 404 for a moment.
  for (let attempt = 1; ; attempt++) {
    const response = page.waitForResponse((r) => r.url().includes('/tracking'), { timeout: 10000 });
    await pressButton('Track report');
    const status = (await response).status();
    if (status === 200) break;
    assert(status === 404 && attempt < 10, `tracking lookup gave ${status} after ${attempt} tries`);
    await page.locator('.govuk-error-summary', { hasText: NOT_FOUND }).waitFor({ timeout: 10000 });
    log(`tracking not visible yet (try ${attempt}), retrying`);
    await page.waitForTimeout(1000);
  }
  await page.locator('h1', { hasText: `Report ${reference}` }).waitFor({ timeout: 10000 });
  await checkPage('tracking');
  assert((await text('main')).includes('Received'), 'status "Received" not shown');
  assert((await page.locator('.app-timeline li').count()) >= 1, 'no timeline entry');
  log('tracking shows status Received and a timeline');

  await page.goto(`${BASE}/track`);
  await arrive('/track', 'track-wrong-code-form');
  await typeInto('#reference', reference);
  await typeInto('#trackingCode', 'AAAA-BBBB-CCCC');
  await pressButton('Track report');
  await page.locator('.govuk-error-summary', { hasText: NOT_FOUND }).waitFor({ timeout: 10000 });
  await checkPage('track-wrong-code');
  log('a wrong tracking code gives the not-found message');
  await d.tabToSelector('[data-testid=lost-code] summary');
  await page.keyboard.press('Enter');
  assert((await text('[data-testid=lost-code]')).includes('Call 101'), 'no help for a citizen who lost their code');
  await checkPage('track-lost-code');
  log('the tracking page says what to do about a lost code');
}

/** An address that is nobody's: the service's own "Page not found", with a 404 for the browser. */
async function notFoundJourney() {
  const answer = await page.goto(`${BASE}/reports/mine`);
  assert(answer.status() === 404, `an unknown address answered ${answer.status()}`);
  await arrive('/reports/mine', 'page-not-found');
  assert((await text('h1')) === 'Page not found', 'an unknown address does not say "Page not found"');
  log('an unknown address gets the service\'s "Page not found" page, as a 404');
}

async function dangerJourney() {
  await page.goto(`${BASE}/report/danger`);
  await arrive('/report/danger', 'danger-again');
  await chooseRadio('anyoneInDanger', 'yes');
  await pressButton('Continue');
  await arrive('/report/call-999', 'call-999');
  const body = await text('main');
  assert(body.includes('Call 999 now') && body.includes('18000'), 'stop page does not say to call 999 / 18000');
  log('danger "Yes" shows the 999 page');
}

async function staffJourney({ reference }) {
  await page.goto(`${BASE}/staff/queue`);
  await arrive('/staff/sign-in', 'staff-sign-in');
  log('signed-out queue redirects to sign in');
  await typeInto('#username', 'handler');
  await typeInto('#password', 'blue-lamp-handler');
  await pressButton('Sign in');
  await arrive('/staff/queue', 'staff-queue');
  await page.locator('table a', { hasText: reference }).first().waitFor({ timeout: 10000 });
  log(`queue lists ${reference}`);
  await followLink(reference);
  await page.waitForFunction(() => location.pathname.startsWith('/staff/contacts/'));
  await page.locator('.govuk-summary-list', { hasText: DESCRIPTION }).waitFor({ timeout: 10000 });
  await checkPage('staff-contact');
  log('contact page shows the description');
  await pressButton('Sign out');
  await arrive('/staff/sign-in', 'staff-signed-out');
}

runJourney('Journey', async (browser, acting) => {
  d = acting(await newDriver(browser));
  page = d.page;
  const report = await reportJourney();
  await victimSupportReferral(d, report);
  await trackJourney(report);
  await dangerJourney();
  await notFoundJourney();
  await staffJourney(report);
  await signpostingReport(d, BASE);
  await welshJourney(browser, acting, BASE);
});
