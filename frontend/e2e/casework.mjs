// Case work and Victims' Code updates, keyboard only with axe on every page: a citizen and a
// handler in two browsers. Usage: node e2e/casework.mjs <baseUrl>
import { evidenceWithTheReport } from './steps/evidence.mjs';
import { victimsCodeLedger } from './steps/ledger.mjs';
import { repliesToMatch } from './steps/replies.mjs';
import { assert, baseUrl, eventually, log, newDriver, openContextTab, reportOnline, runJourney, staffSignIn } from './lib.mjs';

const BASE = baseUrl();
const WAIT = { timeout: 10000 };
const UPDATE = `We have reviewed the CCTV from the station (${Date.now()}).`;
const NOTE = `Internal: suspect known to neighbourhood team (${Date.now()}).`;
const MESSAGE = `<b>Thanks</b> – the bike has a red bell (${Date.now()}).`;

async function openCase(h, reference) {
  await h.followLink('Cases');
  await h.arrive('/staff/cases', 'cases');
  await h.typeInto('#q', reference);
  const link = h.page.locator('table a', { hasText: reference });
  await eventually(
    'case in search',
    () => h.pressButton('Search'),
    () =>
      link
        .first()
        .waitFor(WAIT)
        .then(
          () => true,
          () => false,
        ),
  );
  log(`search for ${reference} finds it`);
  await h.tabTo(
    `result ${reference}`,
    (r) => document.activeElement?.tagName === 'A' && document.activeElement.textContent.trim() === r && !!document.activeElement.closest('table'),
    reference,
  );
  await h.page.keyboard.press('Enter');
  await h.arrive(`/staff/cases/${reference}`, 'case-view');
}

const reloadCase = async (h, reference) => {
  await h.page.reload();
  await h.arrive(`/staff/cases/${reference}`, 'case-view-reloaded');
};

async function track(c, { reference, code }) {
  await c.page.goto(`${BASE}/track?reference=${reference}`);
  await c.arrive('/track', 'track');
  await c.typeInto('#trackingCode', code);
  await eventually(
    'tracking',
    () => c.pressButton('Track report'),
    () =>
      c.page
        .locator('h1', { hasText: `Report ${reference}` })
        .waitFor({ timeout: 3000 })
        .then(
          () => true,
          () => false,
        ),
  );
  await c.checkPage('tracking');
}

let acting;

runJourney('Case work journey', async (browser, act) => {
  acting = act;
  const c = acting(await newDriver(browser, 'citizen'));
  const h = await newDriver(browser, 'handler');
  const report = await reportOnline(c, BASE, { channel: 'SMS', phone: '07700 900982' });
  const { reference } = report;
  log(`citizen reported ${reference} with text message updates`);

  acting(h);
  await staffSignIn(h, BASE);
  await h.page.locator('#due-heading').waitFor(WAIT);
  log('console shows "Updates due or overdue"');
  await openCase(h, reference);
  await evidenceWithTheReport(c, h, reference, acting);
  assert((await h.text('[data-testid=case-summary]')).includes('Text message'), 'case view does not show text message updates');
  await h.typeInto('#update-text', UPDATE);
  await h.pressButton('Post public update');
  await h.page.locator('[data-testid=case-done]', { hasText: 'Public update posted' }).waitFor(WAIT);
  assert(
    await h.page.evaluate(() => document.activeElement?.dataset.testid === 'case-done'),
    'the success banner is not focused, so the result is out of sight',
  );
  await eventually(
    'public update on the case',
    () => reloadCase(h, reference),
    async () => (await h.text('[data-testid=case-timeline]')).includes(UPDATE),
  );
  log('handler posted a public update');

  acting(c);
  await eventually(
    'update on the citizen timeline',
    () => track(c, report),
    async () => (await c.text('[data-testid=timeline]')).includes(UPDATE),
  );
  log('citizen sees the update in the timeline');
  await c.chooseRadio('updateChannel', 'EMAIL');
  await c.typeInto('#updateEmail', 'sam@example.com');
  await c.pressButton('Save how you get updates');
  await c.page.locator('[data-testid=success-banner]').waitFor(WAIT);
  await c.checkPage('preference-saved');
  log('citizen changed updates to email');

  acting(h);
  await eventually(
    'Email preference on the case',
    () => reloadCase(h, reference),
    async () => (await h.text('[data-testid=case-summary]')).includes('Email'),
  );
  log('handler sees Email as the update preference');
  await h.typeInto('#note-text', NOTE);
  await h.pressButton('Add internal note');
  await h.page.locator('[data-testid=case-done]', { hasText: 'Internal note added' }).waitFor(WAIT);
  await eventually(
    'internal note on the case',
    () => reloadCase(h, reference),
    async () => (await h.text('[data-testid=case-timeline]')).includes(NOTE),
  );
  assert((await h.text('[data-testid=case-timeline]')).includes('Internal note — not shown to the citizen'), 'internal note not marked');
  log('handler added an internal note, marked internal');

  // The session ends under the page: it asks to sign in again in place and keeps what was typed.
  const LATE_NOTE = `Typed as the session ended (${Date.now()}).`;
  await h.page.context().clearCookies();
  await h.typeInto('#note-text', LATE_NOTE);
  await h.pressButton('Add internal note');
  await h.page.locator('[data-testid=session-ended]').waitFor(WAIT);
  assert((await h.page.inputValue('#note-text')) === LATE_NOTE, 'the note typed before the session ended was lost');
  assert(!(await h.text('main')).includes('problem with the service'), 'an ended session reads as a problem with the service');
  await h.checkPage('case-session-ended');
  await h.typeInto('#again-password', 'blue-lamp-handler');
  await h.pressButton('Sign in again');
  await h.page.locator('[data-testid=session-ended]').waitFor({ state: 'detached', ...WAIT });
  // Every answer to the note, so a refusal after signing in again says what it was.
  const answers = [];
  const record = (r) => r.url().endsWith('/notes') && r.request().method() === 'POST' && answers.push(r.status());
  h.page.on('response', record);
  // A 403 is the stale CSRF token of the old session, which the page retries once with a fresh one.
  const answered = h.page.waitForResponse((r) => r.url().endsWith('/notes') && r.request().method() === 'POST' && r.status() !== 403, WAIT);
  await h.pressButton('Add internal note');
  await answered.catch(() => {});
  h.page.off('response', record);
  assert(answers.at(-1) === 204, `the note sent after signing in again was answered ${answers.join(', ')}`);
  await eventually(
    'the note typed as the session ended, on the case',
    () => reloadCase(h, reference),
    async () => (await h.text('[data-testid=case-timeline]')).includes(LATE_NOTE),
  );
  log('an ended session asked the handler to sign in again on the page, and the note typed meanwhile was kept and saved');

  acting(c);
  await c.typeInto('#messageText', MESSAGE);
  await c.pressButton('Send message');
  await c.page.locator('[data-testid=success-banner]', { hasText: 'message has been sent' }).waitFor(WAIT);
  await c.page.locator('[data-testid=case-messages]', { hasText: MESSAGE }).waitFor(WAIT);
  await c.checkPage('message-sent');
  assert(!(await c.text('main')).includes(NOTE), 'the citizen can see the internal note');
  log('citizen sent a message; the internal note is not on their page');

  acting(h);
  await eventually(
    'citizen message on the case',
    () => reloadCase(h, reference),
    async () => (await h.text('[data-testid=case-messages]').catch(() => '')).includes(MESSAGE),
  );
  assert((await h.page.locator('[data-testid=case-messages] b').count()) === 0, 'message markup was rendered as HTML');
  log('handler sees the message, as text');

  await oneCasePerMatter(c, h, reference);
  await victimsCodeLedger(browser, acting, { base: BASE, reference });
  await repliesToMatch(browser, acting, { base: BASE, reference });
});

/**
 * The same citizen reports again: the handler is shown the earlier case as possibly the same
 * matter and links the two; the second report's contact page names its case and its summary
 * joins it instead of opening a third.
 */
async function oneCasePerMatter(c, h, first) {
  acting(c);
  // The first case now has the email address the citizen moved their updates to.
  const { reference: second } = await reportOnline(c, BASE, { channel: 'EMAIL', email: 'SAM@example.com' });
  log(`citizen reported again as ${second}, giving the same email address`);

  acting(h);
  await h.page.goto(`${BASE}/staff/cases/${second}`);
  await h.arrive(`/staff/cases/${second}`, 'case-view-second');
  const suggestion = h.page.locator('[data-testid=possible-duplicates] tr', { hasText: first });
  await eventually(
    'the earlier case suggested',
    () => reloadCase(h, second),
    () =>
      suggestion.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      ),
  );
  assert((await suggestion.innerText()).includes('email address'), 'the suggestion does not say what the two share');
  await h.checkPage('case-possible-duplicates');
  await h.pressButton(`Link case ${first}`, { within: '[data-testid=possible-duplicates]' });
  await h.page.locator('[data-testid=case-done]', { hasText: `Linked to case ${first}` }).waitFor(WAIT);
  await eventually(
    'the link on the case',
    () => reloadCase(h, second),
    async () => (await h.text('[data-testid=linked-cases]').catch(() => '')).includes(first),
  );
  await h.checkPage('case-linked');
  log('handler saw the earlier case suggested and linked the two');

  await h.followLink('Online report');
  if (await h.page.locator('#access-reason').count()) {
    await h.typeInto('#access-reason', 'Recording what the second report was about');
    await h.pressButton('Continue');
  }
  await openContextTab(h, 'Case');
  await h.page.locator('[data-testid=summary-case]', { hasText: second }).waitFor(WAIT);
  await h.checkPage('workspace-web-report');
  await h.chooseRadio('summary-category', 'THEFT');
  await h.typeInto('#summary-summary', 'The same bicycle: the citizen reported it twice.');
  await h.pressButton('Save summary');
  const result = (await h.text('[data-testid=summary-result]')).replace(/\s+/g, ' ').trim();
  assert(result.includes(`Saved to case ${second}`) && !/tracking code/i.test(result), `the summary did not join its case: "${result}"`);
  log(`the web report's summary joined its own case: "${result}"`);
}
