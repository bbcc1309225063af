// The auditor's journey, keyboard only with axe on every page: a citizen reports online and a
// handler adds an internal note (setup), then an auditor reads the case's audit trail with a
// reason, looks at the raw events, views the case as it was before the note, rebuilds the
// case-view read model and verifies the event log's hash chain.
// Usage: node e2e/audit.mjs <baseUrl>
import { assert, baseUrl, eventually, log, newDriver, reportOnline, runJourney, sleep, staffSignIn } from './lib.mjs';

const BASE = baseUrl();
const WAIT = { timeout: 10000 };
const NOTE = `Internal: the bike shop on Station Road has been told (${Date.now()}).`;
const REASON = `Quarterly audit of online theft reports (${Date.now()}).`;
// The app's numbers are en-GB with thousands separators: "1,234 of 5,678 events".
const COUNT = /^(\d{1,3}(?:,\d{3})*) of (\d{1,3}(?:,\d{3})*) events$/;
const toNumber = (s) => Number(s.replace(/,/g, ''));
const NUMBER = new Intl.NumberFormat('en-GB');
// Audit pages show times to the second in UK time.
const AUDIT_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});

/**
 * `arrive`, once the page's own h1 is drawn: the route changes before the new page renders, and
 * from one audit page to another the old h1 can still be there when `arrive` looks.
 */
async function backToAudit(a) {
  await a.followLink('Back to audit');
  await arriveAt(a, '/staff/audit', 'audit-home-again', 'Audit');
}

async function arriveAt(d, pathname, shotName, h1) {
  await d.page
    .waitForFunction(([p, t]) => location.pathname === p && document.querySelector('h1')?.textContent.trim() === t, [pathname, h1], WAIT)
    .catch(async () => {
      const seen = await d.page.evaluate(() => `${location.pathname} "${document.querySelector('h1')?.textContent.trim()}"`);
      throw new Error(`expected ${pathname} with h1 "${h1}", but see ${seen}`);
    });
  await d.arrive(pathname, shotName);
}

/** Setup: the handler finds the new case and adds an internal note to it. */
async function addInternalNote(h, reference) {
  await staffSignIn(h, BASE);
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
  await h.tabTo(
    `result ${reference}`,
    (r) => document.activeElement?.tagName === 'A' && document.activeElement.textContent.trim() === r && !!document.activeElement.closest('table'),
    reference,
  );
  await h.page.keyboard.press('Enter');
  await h.arrive(`/staff/cases/${reference}`, 'case-view');
  // An unassigned case needs no reason from a handler; give one if the server asks all the same.
  if (await h.page.locator('#access-reason').count()) {
    await h.typeInto('#access-reason', 'Adding a note for the audit journey');
    await h.pressButton('Continue');
  }
  await h.page.locator('#note-text').waitFor(WAIT);
  // The case was opened before its page loaded. The auditor will look at the case as it was at the
  // whole second after it opened: let that second pass so the note is certainly later.
  const opened = Date.now();
  await sleep(Math.ceil((opened + 1) / 1000) * 1000 - opened + 250);
  await h.typeInto('#note-text', NOTE);
  await h.pressButton('Add internal note');
  await h.page.locator('[data-testid=case-done]', { hasText: 'Internal note added' }).waitFor(WAIT);
  log(`handler added an internal note to ${reference}`);
}

/**
 * A rebuild of a couple of events is over before the page can show it moving, so the handler also
 * works another case: many internal notes, each an event the case-view read model replays (at the
 * test's 15 events a second, 60 take about 4 s). Sent as the page's own API calls are, with the
 * session's XSRF token: the notes are setup, not what the journey checks.
 * Returns when a rebuild will pace all of them: a rebuild paces the events its live projection has
 * stored tokens past, and Axon stores an idle segment's token only every 5 s or so.
 */
async function addManyNotes(h, reference, count) {
  const failures = await h.page.evaluate(
    async ([ref, n]) => {
      const cookie = () =>
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('XSRF-TOKEN='))
          ?.slice(11);
      if (!cookie()) await fetch('/api/v1/staff/me', { credentials: 'same-origin' });
      const token = decodeURIComponent(cookie() ?? '');
      const note = (text) =>
        fetch(`/api/v1/staff/cases/${encodeURIComponent(ref)}/notes`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
          body: JSON.stringify({ text }),
        });
      const failed = [];
      for (let i = 1; i <= n; i++) {
        let res = await note(`Follow-up note ${i} of ${n}.`);
        // The case is opened a moment after the report: the first note may have to wait for it.
        for (let t = 0; i === 1 && !res.ok && t < 10; t++) {
          await new Promise((r) => setTimeout(r, 500));
          res = await note(`Follow-up note ${i} of ${n}.`);
        }
        if (!res.ok) failed.push(`${res.status} ${await res.text()}`);
      }
      return failed;
    },
    [reference, count],
  );
  assert(!failures.length, `adding notes failed: ${failures.slice(0, 3).join('; ')}`);
  log(`handler added ${count} notes to ${reference}, so a rebuild has work to show`);
  return Date.now() + 6000;
}

/** Sign in from the sign-in page itself: an auditor, having no queue, starts in the audit area. */
async function auditorSignIn(a) {
  await a.page.goto(`${BASE}/staff/sign-in`);
  await a.arrive('/staff/sign-in', 'staff-sign-in');
  await a.typeInto('#username', 'auditor');
  await a.typeInto('#password', 'blue-lamp-auditor');
  await a.pressButton('Sign in');
  await arriveAt(a, '/staff/audit', 'audit-home', 'Audit');
  const nav = await a.text('nav[aria-label="Staff areas"]');
  assert(nav.includes('Audit') && !nav.includes('Queues'), `auditor's staff areas should be Audit only, not: ${nav}`);
  log('auditor signed in and landed on /staff/audit');
  await a.page.goto(`${BASE}/staff/queue`);
  await arriveAt(a, '/staff/queue', 'auditor-queue-refused', 'You cannot see this page');
  log('the queues, case work, refuse an auditor with a plain page');
  await a.page.goto(`${BASE}/staff/audit`);
  await arriveAt(a, '/staff/audit', 'audit-home-again', 'Audit');
}

/** The rows of an event table: index, sentence, type and time, oldest first as shown. */
const eventRows = (page, testId) =>
  page.$$eval(`[data-testid=${testId}] tbody tr[data-global-index]`, (rows) =>
    rows.map((r) => ({
      index: Number(r.dataset.globalIndex),
      sentence: r.cells[1].textContent.trim(),
      type: r.cells[2].textContent.trim(),
      at: r.querySelector('time').getAttribute('datetime'),
    })),
  );

async function openCaseTrail(a, reference) {
  await a.typeInto('#audit-reference', reference);
  await a.pressButton('Open audit trail');
  await arriveAt(a, `/staff/audit/cases/${reference}`, 'audit-case-reason', `Audit trail for case ${reference}`);
  const question = await a.text('label[for="audit-reason"]');
  assert(question.includes("Why are you opening this case's audit trail?"), `reason question is "${question}"`);
  assert((await a.page.locator('[data-testid=case-history]').count()) === 0, 'the history is shown before a reason is given');

  await a.pressButton('Continue');
  await a.page.locator('#audit-reason-error').waitFor(WAIT);
  assert((await a.text('.govuk-error-summary')).includes('Enter a reason'), 'no "Enter a reason" error for an empty reason');
  await a.checkPage('audit-case-reason-error');
  log('an empty reason is refused with "Enter a reason"');

  await a.typeInto('#audit-reason', REASON);
  await a.pressButton('Continue');
  await a.page.locator('[data-testid=case-history]').waitFor(WAIT);
  await a.checkPage('audit-case-history');
}

async function checkHistory(a, reference) {
  const rows = await eventRows(a.page, 'case-history');
  const types = rows.map((r) => r.type);
  log(`case history: ${types.join(', ')}`);
  const caption = await a.text('[data-testid=case-history] caption');
  assert(caption === `${rows.length} events on case ${reference}, oldest first`, `history caption is "${caption}"`);
  const [received, opened, noted] = ['ContactReceived', 'CaseOpened', 'InternalNoteAdded'].map((t) => types.indexOf(t));
  assert(
    received >= 0 && opened > received && noted > opened,
    `expected ContactReceived … CaseOpened … InternalNoteAdded in order, got ${types.join(', ')}`,
  );
  for (let i = 1; i < rows.length; i++) {
    assert(rows[i].index > rows[i - 1].index, `history not in log order at ${rows[i].index}`);
    assert(Date.parse(rows[i].at) >= Date.parse(rows[i - 1].at), `history not in time order at ${rows[i].index}`);
  }
  for (const r of rows) {
    assert(r.sentence && r.sentence !== r.type && /\s/.test(r.sentence), `event ${r.index} (${r.type}) has no plain sentence: "${r.sentence}"`);
  }
  assert(/opened/.test(rows[opened].sentence) && rows[opened].sentence.includes(reference), `CaseOpened sentence: "${rows[opened].sentence}"`);
  assert(rows[noted].sentence.includes('added an internal note'), `InternalNoteAdded sentence: "${rows[noted].sentence}"`);
  assert(!rows[noted].sentence.includes(NOTE), 'the sentence repeats the internal note itself');
  log(`events in order with a sentence each, e.g. "${rows[noted].sentence}"`);
  return { opened: rows[opened], noted: rows[noted], count: rows.length };
}

async function showRaw(a, reference, event) {
  await a.pressButton(`Show raw event ${event.index}`);
  const raw = a.page.locator('[data-testid=raw-event]');
  await raw.waitFor(WAIT);
  const expanded = await a.page.evaluate(() => document.activeElement.getAttribute('aria-expanded'));
  assert(expanded === 'true', `the raw event button is not expanded (aria-expanded=${expanded})`);
  assert(
    (await a.page.evaluate(() => document.activeElement.textContent.trim())) === `Hide raw event ${event.index}`,
    'the button does not offer to hide the raw event',
  );
  const [payload, metaData] = await raw.locator('pre').allInnerTexts();
  const parsed = JSON.parse(payload);
  assert(parsed.reference === reference, `raw payload is not about ${reference}: ${payload}`);
  assert(JSON.stringify(parsed).includes(NOTE), 'raw payload of InternalNoteAdded lacks the note');
  JSON.parse(metaData);
  assert((await raw.innerText()).includes(String(event.index)), 'raw event does not show its global index');
  await a.checkPage('audit-case-raw-event');
  log(`raw event ${event.index} shows its JSON payload and metadata`);
}

/** The journey's downloads are plain links carrying the reason; fetch them with the auditor's session. */
async function checkDownloads(a, reference, count) {
  for (const [label, format] of [
    ['Download as JSON', 'json'],
    ['Download as CSV', 'csv'],
  ]) {
    const href = await a.page.getByRole('link', { name: label }).getAttribute('href');
    const url = new URL(href, BASE);
    assert(url.searchParams.get('format') === format && url.searchParams.get('reason') === REASON, `"${label}" link is ${href}`);
    const res = await a.page.request.get(url.href);
    assert(res.ok(), `"${label}" answered ${res.status()}: ${await res.text()}`);
    const body = await res.text();
    if (format === 'json') {
      const json = JSON.parse(body);
      assert(json.reference === reference && json.entries.length === count, `JSON export has ${json.entries?.length} entries, the page ${count}`);
    } else {
      assert(body.split(/\r?\n/).filter(Boolean).length >= count + 1, `CSV export has too few lines:\n${body.slice(0, 500)}`);
    }
  }
  log('the JSON and CSV downloads hold the same history');
}

/**
 * Types a moment into a datetime-local input from the keyboard. Chromium lays the fields out by its
 * own locale (only en-US ships here): month, day, year (up to 6 digits, so move on with →), then
 * hour (12-hour), minute, second, AM/PM. The value is checked, so another layout fails plainly.
 */
async function typeDateTime(d, selector, ms) {
  const parts = await d.page.evaluate((t) => {
    const x = new Date(t);
    return { y: x.getFullYear(), mo: x.getMonth() + 1, d: x.getDate(), h: x.getHours(), mi: x.getMinutes(), s: x.getSeconds() };
  }, ms);
  const p2 = (n) => String(n).padStart(2, '0');
  await d.tabToSelector(selector);
  for (const t of [p2(parts.mo), p2(parts.d), String(parts.y)]) await d.page.keyboard.type(t);
  await d.page.keyboard.press('ArrowRight');
  for (const t of [p2(parts.h % 12 || 12), p2(parts.mi), p2(parts.s), parts.h < 12 ? 'A' : 'P']) await d.page.keyboard.type(t);
  const typed = await d.page.inputValue(selector);
  const got = await d.page.evaluate((v) => new Date(v).getTime(), typed);
  assert(got === ms, `typed ${new Date(ms).toISOString()} into ${selector} but it holds "${typed}"`);
}

async function viewAsOf(a, ms, shotName) {
  await typeDateTime(a, '#as-of', ms);
  await a.pressButton('View the case at this time');
  const view = a.page.locator('[data-testid=as-of-view]');
  // This moment's view (a second look replaces the first), with the reader put on its heading.
  const heading = `As it was at ${AUDIT_TIME.format(new Date(ms))}`;
  await a.page
    .waitForFunction(
      (want) => {
        const h = document.querySelector('[data-testid=as-of-view] h2');
        return !!h && h.textContent.trim() === want && document.activeElement === h;
      },
      heading,
      WAIT,
    )
    .catch(async () => {
      const shown = await view
        .locator('h2')
        .innerText()
        .catch(() => 'no as-of view');
      const error = await a.text('.govuk-error-summary').catch(() => '');
      throw new Error(`expected "${heading}", focused, but see "${shown}" ${error}`);
    });
  await a.checkPage(shotName);
  return {
    heading: (await view.locator('h2').innerText()).trim(),
    timeline: await view.locator('[data-testid=case-timeline]').innerText(),
    summary: await view.locator('[data-testid=case-summary]').innerText(),
    controls: await view.locator('form, input, textarea, select, button').count(),
    readOnly: await view.locator('.govuk-tag', { hasText: 'Read only' }).count(),
  };
}

async function checkAsOf(a, reference, { opened, noted }) {
  // The whole second after the case opened, and before the note (the setup waited for it).
  const before = Math.floor(Date.parse(opened.at) / 1000) * 1000 + 1000;
  assert(before < Date.parse(noted.at), `the note (${noted.at}) was added before ${new Date(before).toISOString()}`);
  const was = await viewAsOf(a, before, 'audit-case-as-of');
  log(`"${was.heading}"`);
  assert(was.summary.includes('Theft'), `as-of view does not show the case: ${was.summary}`);
  assert(was.timeline.length > 0, 'as-of view has an empty timeline');
  assert(!was.timeline.includes(NOTE) && !was.timeline.includes('Internal note'), 'the as-of view before the note shows the note');
  assert(was.controls === 0, `the as-of view has ${was.controls} form controls; it should be read only`);
  assert(was.readOnly === 1, 'the as-of view is not marked "Read only"');
  log(`as it was at ${new Date(before).toISOString()}: the case without the note, read only`);

  // The same view after the note does show it, so its absence above is the time, not the view.
  const after = Math.floor(Date.parse(noted.at) / 1000) * 1000 + 1000;
  const now = await viewAsOf(a, after, 'audit-case-as-of-after-note');
  assert(now.timeline.includes(NOTE) && now.timeline.includes('Internal note'), 'the as-of view after the note does not show it');
  assert(now.controls === 0, `the later as-of view has ${now.controls} form controls`);
  log('a moment after the note, the as-of view shows the note');

  const views = await a.text('[data-testid=case-views]').catch(() => '');
  assert(/handler\s+CASE\s+.*case view/.test(views), `"Who viewed this case" does not list the handler's look:\n${views}`);
  log('"Who viewed this case" lists the handler opening the case');
}

/** The auditor's own looks are logged with the reason given (the log fills a moment after the look). */
async function accessLog(a, reference) {
  await backToAudit(a);
  await a.followLink('Access log');
  await arriveAt(a, '/staff/audit/access', 'audit-access-log', 'Access log');
  await a.typeInto('#access-viewer', 'auditor');
  const results = a.page.locator('[data-testid=access-results]');
  await eventually(
    "the auditor's look in the access log",
    () => a.pressButton('Search by member of staff'),
    async () =>
      (
        await results.waitFor(WAIT).then(
          () => results.innerText(),
          () => '',
        )
      ).includes(REASON),
  );
  const rows = await results.innerText();
  assert(rows.includes(reference) && rows.includes('case audit trail'), `the access log lacks the audit trail look:\n${rows}`);
  await a.checkPage('audit-access-log-results');
  log('the access log has the auditor opening the audit trail, with the reason');
}

async function replay(a, settled) {
  await backToAudit(a);
  await a.followLink('Rebuild read models');
  await arriveAt(a, '/staff/audit/replay', 'audit-replay', 'Rebuild read models');
  await a.page.locator('[data-testid=read-models]').waitFor(WAIT);
  await sleep(Math.max(0, settled - Date.now()));
  await a.pressButton('Rebuild case-view');
  const run = a.page.locator('[data-testid=replay-run]');
  await run.locator('#replay-progress').waitFor(WAIT);

  // Watch the bar until the rebuild finishes.
  const samples = [];
  const started = Date.now();
  let state = 'RUNNING';
  let limit = 60000;
  while (state === 'RUNNING') {
    const s = await a.page.evaluate(() => {
      const bar = document.getElementById('replay-progress');
      const label = bar && document.querySelector(`label[for="${bar.id}"]`);
      return {
        state: document.querySelector('[data-testid=replay-run]').dataset.state,
        label: label?.textContent.trim(),
        now: bar && Number(bar.getAttribute('aria-valuenow')),
        max: bar && Number(bar.getAttribute('aria-valuemax')),
        text: document.querySelector('[data-testid=replay-progress-text]')?.textContent.trim(),
        rate: document.querySelector('[data-testid=replay-rate]')?.textContent.trim(),
      };
    });
    state = s.state;
    if (state !== 'RUNNING') break;
    samples.push(s);
    if (samples.length === 1) assert(s.label === 'Replay progress', `the progress bar is labelled "${s.label}"`);
    // 15 events a second in the test setup; allow twice as long, and some.
    limit = Math.max(limit, (s.max / 15) * 2000 + 30000);
    if (samples.length === 3) await a.checkPage('audit-replay-running');
    assert(Date.now() - started < limit, `the rebuild still runs after ${Math.round((Date.now() - started) / 1000)} s`);
    await sleep(200);
  }
  assert(state === 'COMPLETED', `the rebuild ended ${state}: ${await run.innerText()}`);
  assert(samples.length > 0, 'the rebuild finished before any progress was shown');

  for (const s of samples) {
    const m = COUNT.exec(s.text);
    assert(m, `progress text "${s.text}" is not "N of M events"`);
    assert(
      toNumber(m[1]) === s.now && toNumber(m[2]) === s.max,
      `progress text "${s.text}" disagrees with aria-valuenow=${s.now} aria-valuemax=${s.max}`,
    );
    assert(s.now <= s.max, `aria-valuenow ${s.now} is past aria-valuemax ${s.max}`);
    assert(/^\d{1,3}(,\d{3})*(\.\d)? events\/s$/.test(s.rate), `rate "${s.rate}" is not "X events/s"`);
  }
  for (let i = 1; i < samples.length; i++)
    assert(samples[i].now >= samples[i - 1].now, `progress went back from ${samples[i - 1].now} to ${samples[i].now}`);
  const moving = samples.filter((s) => s.now > 0 && s.now < s.max);
  assert(moving.length > 0, `no part-way progress was seen: ${samples.map((s) => s.text).join(' | ')}`);
  const seen = [...new Set(samples.map((s) => s.text))];
  log(`progress seen: ${seen.join(' → ')} (${samples.at(-1).rate})`);

  const final = await a.page.evaluate(() => {
    const bar = document.getElementById('replay-progress');
    return { now: Number(bar.getAttribute('aria-valuenow')), max: Number(bar.getAttribute('aria-valuemax')) };
  });
  assert(final.now === final.max && final.max >= samples[0].max, `a completed rebuild shows ${final.now} of ${final.max}`);
  const done = await a.text('[data-testid=replay-progress-text]');
  assert(done === `${NUMBER.format(final.max)} of ${NUMBER.format(final.max)} events`, `a completed rebuild says "${done}"`);
  assert((await a.text('[data-testid=replay-state]')).trim() === 'Completed', 'the state tag does not say Completed');
  await a.page.getByRole('heading', { name: 'Result', exact: true }).waitFor(WAIT);
  const tables = await a.page.$$eval('[data-testid=replay-result] tbody tr', (rows) =>
    rows.map((r) => ({ table: r.cells[0].textContent.trim(), identical: r.dataset.identical, result: r.cells[5].textContent.trim() })),
  );
  assert(tables.length > 0, 'the result table is empty');
  for (const t of tables) assert(t.identical === 'true' && t.result === 'Identical', `table ${t.table}: ${t.result}`);
  const banner = await a.text('[data-testid=replay-completed]');
  assert(/identical/.test(banner), `the completed banner says: ${banner}`);
  await a.checkPage('audit-replay-completed');
  log(`rebuild of case-view COMPLETED in ${((Date.now() - started) / 1000).toFixed(1)} s: ${tables.map((t) => `${t.table} ${t.result}`).join(', ')}`);
}

async function integrity(a) {
  await backToAudit(a);
  await a.followLink('Event log integrity');
  await arriveAt(a, '/staff/audit/integrity', 'audit-integrity', 'Event log integrity');
  await a.pressButton('Verify the event log');
  const ok = a.page.locator('[data-testid=integrity-ok]');
  await a.page.locator('[data-testid=integrity-result]').waitFor({ timeout: 30000 });
  assert(await ok.count(), `the event log is not intact: ${await a.text('[data-testid=integrity-result]')}`);
  const verdict = await ok.innerText();
  const m = /The event log is intact: ([\d,]+) events? verified/.exec(verdict);
  assert(m && toNumber(m[1]) > 0, `integrity verdict: ${verdict}`);
  // The page means to put the reader on the verdict; it loses focus to <body> instead (reported
  // as a defect: the button is disabled while busy, and the heading is focused before it is drawn).
  // Warn rather than fail until that is fixed; then make this an assert.
  const focused = await a.page
    .waitForFunction(() => document.activeElement?.id === 'integrity-result-heading', null, { timeout: 2000 })
    .then(
      () => true,
      () => false,
    );
  assert(focused, 'after "Verify the event log" the keyboard focus moves to the Result heading');
  await a.checkPage('audit-integrity-verified');
  log(`integrity: ${verdict.replace(/\s+/g, ' ').slice(0, 120)}`);
}

runJourney('Audit journey', async (browser, acting) => {
  const c = acting(await newDriver(browser, 'citizen'));
  const h = await newDriver(browser, 'handler');
  const a = await newDriver(browser, 'auditor');
  const { reference } = await reportOnline(c, BASE);
  log(`citizen reported ${reference}`);
  const other = await reportOnline(c, BASE, { name: 'Alex Example' });
  log(`citizen reported ${other.reference} too`);
  acting(h);
  await addInternalNote(h, reference);
  const settled = await addManyNotes(h, other.reference, 60);

  acting(a);
  await auditorSignIn(a);
  await openCaseTrail(a, reference);
  const history = await checkHistory(a, reference);
  await showRaw(a, reference, history.noted);
  await checkDownloads(a, reference, history.count);
  await checkAsOf(a, reference, history);
  await replay(a, settled);
  await integrity(a);
  await accessLog(a, reference);
});
