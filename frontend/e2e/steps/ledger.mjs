// The Victims' Code ledger (issue 15, point 5): a supervisor opens it from the dashboard, sees this
// month's totals (the journey's case was updated, so at least one update was met), looks up the
// journey's case and finds its promises with their dates, and downloads the month as CSV.
import { assert, eventually, log, newDriver, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function victimsCodeLedger(browser, acting, { base, reference }) {
  const s = acting(await newDriver(browser, 'ledger-supervisor'));
  await staffSignIn(s, base, '/staff/supervisor', 'supervisor', 'blue-lamp-supervisor');
  await s.followLink("Victims' Code ledger");
  await s.arrive('/staff/supervisor/victims-code', 'victims-code-ledger');
  const totals = s.page.locator('[data-testid=ledger-totals]');
  await totals.waitFor(WAIT);
  const updatesMet = async () => {
    const row = s.page.locator('[data-testid=ledger-totals] tbody tr', { hasText: 'Updates as often as the victim chose' });
    return Number((await row.locator('td').first().innerText()).trim());
  };
  await eventually(
    "the journey's update counted as met",
    () => s.page.reload().then(() => totals.waitFor(WAIT)),
    async () => (await updatesMet()) >= 1,
  );
  assert(!(await totals.innerText()).includes('CRIME_RECORDING'), 'the totals show a raw value');
  await s.checkPage('victims-code-ledger-totals');
  log(`supervisor sees this month's Victims' Code totals: ${await updatesMet()} update(s) met`);

  await s.typeInto('#ledger-reference', reference);
  await s.pressButton("Show the case's promises");
  const own = s.page.locator('[data-testid=case-ledger]');
  await own.waitFor(WAIT);
  const rows = await own.innerText();
  assert(rows.includes('Met') && rows.includes('Crime-recording decision within 24 hours'), `the case's promises read: ${rows}`);
  await s.checkPage('victims-code-ledger-case');
  log(`supervisor sees the promises of ${reference}, the update met`);

  const [download] = await Promise.all([s.page.waitForEvent('download', WAIT), s.followLink('Download the totals')]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(path, 'utf8');
  assert(csv.startsWith('"month","as_at","right","met","missed","pending","total","percent_met"\r\n'), `the CSV starts: ${csv.slice(0, 80)}`);
  assert(csv.includes('"Updates as often as the victim chose"'), 'the CSV has no row for updates');
  log(`supervisor downloaded the month's totals as CSV (${download.suggestedFilename()})`);
  await s.page.context().close();
}
