// The information-management officer's journey, keyboard only with axe on every page: a citizen
// reports online (setup), then the administrator exports everything held about them for a subject
// access request, erases their personal data under a legal basis with a reason, sees the erasure
// listed until every read model is rebuilt without them, and finds "[erased]" where the name was
// in a second export and in the case's audit trail.
// Usage: node e2e/dataprotection.mjs <baseUrl>
import fs from 'node:fs/promises';
import { assert, baseUrl, eventually, log, newDriver, reportOnline, runJourney } from './lib.mjs';

const BASE = baseUrl();
const WAIT = { timeout: 10000 };
// A name no other journey uses, so finding it (or not) can only be about this citizen.
const NAME = 'Jordan Erasable';
const SAR_REASON = `Subject access request SAR-${Date.now()}`;
const ERASE_REASON = `Erasure decision DP-${Date.now()}`;

/** `arrive`, once the page's own h1 is drawn (the old one can linger a frame after the route changes). */
async function arriveAt(d, pathname, shotName, h1) {
  await d.page
    .waitForFunction(([p, t]) => location.pathname === p && document.querySelector('h1')?.textContent.trim() === t, [pathname, h1], WAIT)
    .catch(async () => {
      const seen = await d.page.evaluate(() => `${location.pathname} "${document.querySelector('h1')?.textContent.trim()}"`);
      throw new Error(`expected ${pathname} with h1 "${h1}", but see ${seen}`);
    });
  await d.arrive(pathname, shotName);
}

/** An administrator starts in the audit area, with Data protection beside it in the staff areas. */
async function adminSignIn(a) {
  await a.page.goto(`${BASE}/staff/sign-in`);
  await a.arrive('/staff/sign-in', 'staff-sign-in');
  await a.typeInto('#username', 'admin');
  await a.typeInto('#password', 'blue-lamp-admin');
  await a.pressButton('Sign in');
  await arriveAt(a, '/staff/audit', 'audit-home', 'Audit');
  const nav = await a.text('nav[aria-label="Staff areas"]');
  assert(nav.includes('Data protection') && nav.includes('Audit'), `admin's staff areas lack Data protection: ${nav}`);
  await a.followLink('Data protection');
  await arriveAt(a, '/staff/data-protection', 'data-protection', 'Data protection');
  log('admin signed in and opened Data protection');
}

/** The summary list under an export, as { key: value }. */
const summary = (a) =>
  a.page.$$eval('[data-testid=sar-summary] .govuk-summary-list__row', (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()])),
  );

/** Runs an export and saves the file the page offers; returns the summary shown and the file's JSON. */
async function subjectAccess(a, reference, shotName) {
  // A second export replaces the first: wait for a new file, not the one already offered.
  const before = await a.page.evaluate(() => document.querySelector('[data-testid=sar-download]')?.getAttribute('href') ?? null);
  const fresh = () =>
    a.page
      .waitForFunction(
        ([ref, old]) =>
          document.querySelector('[data-testid=sar-result] h3')?.textContent.trim() === `Export for case ${ref}` &&
          document.querySelector('[data-testid=sar-download]')?.getAttribute('href') !== old,
        [reference, before],
        { timeout: 3000 },
      )
      .then(
        () => true,
        () => false,
      );
  await a.typeInto('#sar-person', reference);
  await a.typeInto('#sar-reason', SAR_REASON);
  // The case is opened a moment after the report: until then no personal data is held under its reference.
  await eventually('the export', () => a.pressButton('Export their data'), fresh);
  const focused = await a.page.evaluate(() => document.activeElement?.closest('[data-testid=sar-result]') !== null);
  assert(focused, 'after "Export their data" focus is not on the export');
  await a.checkPage(shotName);
  const shown = await summary(a);
  const [download] = await Promise.all([a.page.waitForEvent('download', WAIT), a.followLink('Download the export')]);
  assert(download.suggestedFilename() === `subject-access-${reference}.json`, `the file is called ${download.suggestedFilename()}`);
  const file = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  return { shown, file };
}

async function exportBeforeErasure(a, reference) {
  const { shown, file } = await subjectAccess(a, reference, 'dp-subject-access');
  log(`export summary: ${JSON.stringify(shown)}`);
  assert(file.contactsAndCases.includes(reference), `the export is not about ${reference}: ${file.contactsAndCases}`);
  assert(JSON.stringify(file.events).includes(NAME), `the downloaded export does not hold the citizen's name ${NAME}`);
  assert(
    file.erased === false && shown['Personal data erased'] === 'No',
    `before the erasure the page says erased: ${shown['Personal data erased']}`,
  );
  assert(
    shown.Events === `${file.events.length} event${file.events.length === 1 ? '' : 's'}`,
    `the page says "${shown.Events}", the file has ${file.events.length} events`,
  );
  assert(shown['Contacts and cases'] === file.contactsAndCases.join(', '), `contacts and cases shown: ${shown['Contacts and cases']}`);
  log(`the downloaded export holds ${file.events.length} events naming ${NAME}, decrypted`);
  return file.subjectId;
}

async function erase(a, reference) {
  // Nothing filled in: every problem in the error summary, and nothing erased.
  await a.pressButton('Continue', { within: 'form' });
  await a.page.locator('.govuk-error-summary').waitFor(WAIT);
  const problems = await a.text('.govuk-error-summary');
  for (const p of ['Enter a case reference or contact ID', 'Select the legal basis', 'Enter the reason'])
    assert(problems.includes(p), `the error summary lacks "${p}":\n${problems}`);
  await a.checkPage('dp-erase-errors');

  await a.typeInto('#erase-person', reference);
  await a.chooseRadio('erase-basis', 'UK_GDPR_ARTICLE_17');
  await a.typeInto('#erase-reason', ERASE_REASON);
  await a.pressButton('Continue', { within: 'form' });
  const confirm = a.page.locator('[data-testid=erase-confirm]');
  await confirm.waitFor(WAIT);
  const check = await confirm.innerText();
  assert(check.includes('This cannot be undone'), `no "cannot be undone" warning:\n${check}`);
  assert(check.includes('UK GDPR Article 17 (right to erasure)') && check.includes(ERASE_REASON), `the check shows:\n${check}`);
  await a.checkPage('dp-erase-confirm');

  await a.pressButton("Erase this person's data");
  const banner = a.page.locator('[data-testid=erased]');
  await banner.waitFor(WAIT);
  assert(
    (await banner.innerText()).includes(`The personal data of case ${reference} has been erased`),
    `the banner says: ${await banner.innerText()}`,
  );
  log(`erased: ${(await banner.innerText()).replace(/\s+/g, ' ')}`);
}

/** The new erasure heads the list (newest first) with who approved it and the rebuilds' state. */
async function listed(a, subjectId) {
  const row = a.page.locator('[data-testid=erasures] tbody tr', { hasText: ERASE_REASON });
  await row.waitFor(WAIT);
  const cells = await row.locator('td').allInnerTexts();
  const [, person, basis, reason, approvedBy, scrub] = cells.map((c) => c.trim());
  assert(person === subjectId, `the erasure names ${person}, the export ${subjectId}`);
  assert(
    basis === 'UK GDPR Article 17 (right to erasure)' && reason === ERASE_REASON && approvedBy === 'admin',
    `the erasure row: ${cells.join(' | ')}`,
  );
  assert(/^(Starting rebuilds|Rebuilding read models: \d+ of \d+ done|Read models scrubbed)$/.test(scrub), `the scrub state is "${scrub}"`);
  const first = await a.page.locator('[data-testid=erasures] tbody tr').first().innerText();
  assert(first.includes(ERASE_REASON), 'the new erasure is not first in the list');
  await a.checkPage('dp-erased');
  log(`listed: ${cells.join(' | ')}`);

  // The page asks again while the rebuilds run. Until they finish, read-model rows may still hold
  // the name; the erasure is only complete once every one has.
  const started = Date.now();
  await a.page.waitForFunction(
    (reason) => {
      const state = [...document.querySelectorAll('[data-testid=erasures] tbody tr')]
        .find((r) => r.textContent.includes(reason))
        ?.cells[5].textContent.trim();
      return state === 'Read models scrubbed' || state?.startsWith('Rebuild failed');
    },
    ERASE_REASON,
    { timeout: 180000, polling: 250 },
  );
  const state = (await row.locator('td').nth(5).innerText()).trim();
  assert(state === 'Read models scrubbed', `the erasure's rebuilds ended: ${state}`);
  await a.checkPage('dp-scrubbed');
  log(`every read model rebuilt without the person in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function exportAfterErasure(a, reference) {
  const { shown, file } = await subjectAccess(a, reference, 'dp-subject-access-erased');
  assert(
    file.erased === true && shown['Personal data erased'].startsWith('Yes'),
    `after the erasure the page says erased: ${shown['Personal data erased']}`,
  );
  assert(!JSON.stringify(file).includes(NAME), 'the export after the erasure still holds the name');
  assert(JSON.stringify(file.events).includes('[erased]'), 'the export after the erasure has no "[erased]" in its events');
  log('a second export says the data is erased and holds "[erased]", not the name');
}

/** The case's audit trail still reads, with "[erased]" in the raw event where the name was. */
async function auditTrail(a, reference) {
  await a.followLink('Audit');
  await arriveAt(a, '/staff/audit', 'audit-home-again', 'Audit');
  await a.typeInto('#audit-reference', reference);
  await a.pressButton('Open audit trail');
  await arriveAt(a, `/staff/audit/cases/${reference}`, 'audit-case-reason', `Audit trail for case ${reference}`);
  await a.typeInto('#audit-reason', `Checking erasure ${ERASE_REASON}`);
  await a.pressButton('Continue');
  const history = a.page.locator('[data-testid=case-history]');
  await history.waitFor(WAIT);
  const received = await history.locator('tbody tr[data-global-index]', { hasText: 'ContactReceived' }).first().getAttribute('data-global-index');
  assert(received, 'the case history has no ContactReceived event');
  await a.pressButton(`Show raw event ${received}`);
  const raw = a.page.locator('[data-testid=raw-event]');
  await raw.waitFor(WAIT);
  const payload = (await raw.locator('pre').allInnerTexts())[0];
  assert(payload.includes('[erased]'), `the raw ContactReceived does not show "[erased]":\n${payload}`);
  assert(!(await a.page.locator('main').innerText()).includes(NAME), `the audit trail still shows ${NAME}`);
  await a.checkPage('audit-case-erased');
  log(`the audit trail's ContactReceived (event ${received}) shows "[erased]" in place of the name`);
}

runJourney('Data protection journey', async (browser, acting) => {
  const c = acting(await newDriver(browser, 'citizen'));
  const a = await newDriver(browser, 'admin');
  const { reference } = await reportOnline(c, BASE, { name: NAME });
  log(`citizen ${NAME} reported ${reference}`);
  acting(a);
  await adminSignIn(a);
  const subjectId = await exportBeforeErasure(a, reference);
  await erase(a, reference);
  await listed(a, subjectId);
  await exportAfterErasure(a, reference);
  await auditTrail(a, reference);
});
