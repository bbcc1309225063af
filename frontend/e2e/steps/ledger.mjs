// The Victims' Code ledger (issue 15, point 5): a supervisor opens it from the dashboard, looks up
// the journey's case and finds its promises with their dates, sees the totals of the month its
// update fell due (the journey's case was updated, so at least one update was met), and downloads
// that month as CSV.
import { assert, eventually, log, newDriver, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function victimsCodeLedger(browser, acting, { base, reference }) {
  const s = acting(await newDriver(browser, 'ledger-supervisor'));
  await staffSignIn(s, base, '/staff/supervisor', 'supervisor', 'blue-lamp-supervisor');
  await s.followLink("Victims' Code ledger");
  await s.arrive('/staff/supervisor/victims-code', 'victims-code-ledger');
  const totals = s.page.locator('[data-testid=ledger-totals]');
  await totals.waitFor(WAIT);

  // The case first: its met update falls due in this month or the next (late in a month), and
  // the totals count a promise in the month it fell due.
  await s.typeInto('#ledger-reference', reference);
  const own = s.page.locator('[data-testid=case-ledger]');
  const metUpdate = own.locator('tbody tr', { hasText: 'Updates as often as the victim chose' }).filter({ hasText: 'Met' });
  await eventually(
    "the journey's update met among its case's promises",
    () => s.pressButton("Show the case's promises").then(() => own.waitFor(WAIT)),
    async () => (await metUpdate.count()) > 0,
  );
  const rows = await own.innerText();
  assert(rows.includes('Crime-recording decision within 24 hours'), `the case's promises read: ${rows}`);
  await s.checkPage('victims-code-ledger-case');
  const dueBy = await metUpdate.first().locator('td').nth(1).innerText();
  const due = dueBy.match(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b/);
  assert(due, `the update's due date reads: ${dueBy}`);
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(due[1]) / 3 + 1;
  const monthName = `${new Date(Date.UTC(Number(due[2]), month - 1, 15)).toLocaleString('en-GB', { month: 'long' })} ${due[2]}`;
  log(`supervisor sees the promises of ${reference}, the update met, due by ${dueBy}`);

  await s.typeInto('#ledger-month-month', String(month));
  await s.typeInto('#ledger-month-year', due[2]);
  const updatesMet = async () => {
    const row = s.page.locator('[data-testid=ledger-totals] tbody tr', { hasText: 'Updates as often as the victim chose' });
    return Number((await row.locator('td').first().innerText()).trim());
  };
  await eventually(
    "the journey's update counted as met in the month it fell due",
    () => s.pressButton('Show the month').then(() => totals.waitFor(WAIT)),
    async () => (await totals.innerText()).includes(monthName) && (await updatesMet()) >= 1,
  );
  assert(!(await totals.innerText()).includes('CRIME_RECORDING'), 'the totals show a raw value');
  await s.checkPage('victims-code-ledger-totals');
  log(`supervisor sees the Victims' Code totals of ${monthName}: ${await updatesMet()} update(s) met`);

  const [download] = await Promise.all([s.page.waitForEvent('download', WAIT), s.followLink('Download the totals')]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(path, 'utf8');
  assert(csv.startsWith('"month","as_at","right","met","missed","pending","total","percent_met"\r\n'), `the CSV starts: ${csv.slice(0, 80)}`);
  assert(csv.includes('"Updates as often as the victim chose"'), 'the CSV has no row for updates');
  log(`supervisor downloaded the month's totals as CSV (${download.suggestedFilename()})`);
  await s.page.context().close();
}
