// Keyboard-only browser journey through Blue Lamp with an axe check on every page.
// Usage: node e2e/journey.mjs <baseUrl>   (or BASE_URL=...)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BASE = (process.argv[2] || process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOT_FOUND = 'We could not find a report with that reference and tracking code';
const DESCRIPTION = 'My blue bicycle was taken from the rack outside the library. The lock was cut.';
const LOCATION = 'Outside the library, High Street, Anytown';

let page;
let shot = 0;
const log = (msg) => console.log(`• ${msg}`);
function assert(ok, message) {
  if (!ok) throw new Error(message);
}

/** Waits for the SPA to show a page, then checks it with axe and saves a screenshot. */
async function arrive(pathname, name) {
  await page.waitForFunction((p) => location.pathname === p, pathname, { timeout: 10000 }).catch(async () => {
    throw new Error(`expected to be on ${pathname} but am on ${new URL(page.url()).pathname}`);
  });
  // The route changes before the new page has rendered (staff pages load who is signed in
  // first), so wait until the page has settled on its one h1.
  await page.waitForFunction(
    () => document.querySelectorAll('h1').length === 1 && !document.body.innerText.includes('Loading…'),
    null,
    { timeout: 10000 },
  );
  await checkPage(name);
}

async function checkPage(name) {
  const h1s = await page.locator('h1').count();
  assert(h1s === 1, `${name}: expected one h1, found ${h1s}`);
  const title = await page.title();
  assert(title.includes('Blue Lamp'), `${name}: page title "${title}" is not set`);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  assert(!violations.length, `${name}: accessibility violations:\n  ${violations.join('\n  ')}`);
  log(`${name}: "${title}" – no axe violations`);
}

/** Presses Tab until the focused element passes `test`; the journey never clicks. */
async function tabTo(description, test, arg, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(test, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${description} with the Tab key`);
}
const focused = (selector) => (s) => document.activeElement?.matches(s) ?? false;
const tabToSelector = (selector) => tabTo(selector, focused(selector), selector);

async function typeInto(selector, text) {
  await tabToSelector(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Radios take arrow keys: Tab lands on the group, arrows move and select. */
async function chooseRadio(name, value) {
  await tabToSelector(`input[type=radio][name="${name}"]`);
  for (let i = 0; i < 12; i++) {
    const current = await page.evaluate(() => document.activeElement.value);
    if (current === value) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${name}=${value}`);
}

async function pressButton(text) {
  await tabTo(`button "${text}"`, (t) => {
    const el = document.activeElement;
    return !!el && (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') && el.textContent.trim() === t;
  }, text);
  await page.keyboard.press('Enter');
}

async function followLink(text) {
  await tabTo(`link "${text}"`, (t) => {
    const el = document.activeElement;
    return !!el && el.tagName === 'A' && el.textContent.trim().startsWith(t);
  }, text);
  await page.keyboard.press('Enter');
}

const text = (selector) => page.locator(selector).first().innerText({ timeout: 10000 });

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
  assert((await text('main')).includes('cannot show it again'), 'tracking code not marked as shown once');
  log(`report sent: ${reference}, tracking code ${code}`);
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
  await page.locator('table a', { hasText: reference }).waitFor({ timeout: 10000 });
  log(`queue lists ${reference}`);
  await followLink(reference);
  await page.waitForFunction(() => location.pathname.startsWith('/staff/contacts/'));
  await page.locator('.govuk-summary-list', { hasText: DESCRIPTION }).waitFor({ timeout: 10000 });
  await checkPage('staff-contact');
  log('contact page shows the description');
  await pressButton('Sign out');
  await arrive('/staff/sign-in', 'staff-signed-out');
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  console.log(`Blue Lamp journey against ${BASE}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // bypassCSP only lets the test inject axe-core; the app's own pages never need inline script.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  try {
    const report = await reportJourney();
    await trackJourney(report);
    await dangerJourney();
    await staffJourney(report);
    console.log('Journey passed');
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true }).catch(() => {});
    console.error(`Journey FAILED at ${page.url()}: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
