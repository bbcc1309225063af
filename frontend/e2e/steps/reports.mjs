// Reports over any period (issue 15, point 1): the supervisor opens Reports from the dashboard,
// sees today's chats (the journey made at least one and answered it), compares today with
// yesterday, and downloads the CSV of today's quarter hours. axe on each page.
import fs from 'node:fs/promises';
import { assert, log } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function supervisorReports(supervisor, base) {
  const { page } = supervisor;
  await supervisor.followLink('Reports over any period');
  await supervisor.arrive('/staff/supervisor/reports', 'reports');
  await page.locator('[data-testid=report-totals]').waitFor(WAIT);
  const heading = await supervisor.text('#report-heading');
  assert(heading.startsWith('Live chat:'), `the report is not of today's chats: "${heading}"`);
  const offered = Number((await page.locator('[data-testid=report-totals] tbody tr').first().locator('td').first().innerText()).replace(/,/g, ''));
  assert(offered >= 1, `today's report shows no chat offered (${offered})`);
  const chart = page.locator('canvas[role=img][data-testid=volume-chart]');
  assert(((await chart.getAttribute('aria-label')) ?? '').includes('table below'), 'the chart has no text alternative');
  assert((await page.locator('[data-testid=interval-table] tbody tr').count()) >= 1, 'no table beside the chart');
  assert(/handler/.test(await supervisor.text('[data-testid=handler-table] tbody')), "the handler's time is not listed");

  // Yesterday, against the day before: the address changes and the report follows it.
  await supervisor.chooseRadio('period', 'yesterday');
  await supervisor.pressButton('Show report');
  await page.waitForFunction(() => location.search.includes('period=yesterday'), null, WAIT);
  await page.waitForFunction((h) => document.querySelector('#report-heading')?.textContent !== h, heading, WAIT);
  await supervisor.checkPage('reports-yesterday');
  // Back to today, compared with yesterday: the totals table has the change column.
  await supervisor.chooseRadio('period', 'today');
  await supervisor.pressButton('Show report');
  await page.waitForFunction(() => location.search.includes('period=today'), null, WAIT);
  // The address changes first; yesterday's report, compared too, stays until today's has loaded.
  await page.waitForFunction((h) => document.querySelector('#report-heading')?.textContent === h, heading, WAIT);
  await page.locator('[data-testid=report-totals] [data-testid=change]').first().waitFor(WAIT);
  const headers = await page.locator('[data-testid=report-totals] thead th').allInnerTexts();
  assert(headers.length === 4 && headers[3] === 'Change', `today is not compared with yesterday: ${headers.join(' | ')}`);
  await supervisor.checkPage('reports-compared');

  const [download] = await Promise.all([page.waitForEvent('download', WAIT), supervisor.followLink('Download CSV of live chat contacts')]);
  const name = download.suggestedFilename();
  assert(/^contacts-chat-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/.test(name), `the file is called ${name}`);
  const csv = await fs.readFile(await download.path(), 'utf8');
  const rows = csv.split('\r\n').filter(Boolean);
  assert(rows[0].startsWith('"interval_start","interval_end","channel","offered"'), `the CSV has no header: ${rows[0]}`);
  assert([93, 97, 101].includes(rows.length), `a day's CSV has ${rows.length - 1} quarter hours`);
  const chats = rows.slice(1).reduce((sum, row) => sum + Number(row.split(',')[3].replace(/"/g, '')), 0);
  assert(chats === offered, `the CSV counts ${chats} chats, the page ${offered}`);
  log(`supervisor's report shows ${offered} chats today, compares with yesterday and downloads ${name}`);
  await page.goto(`${base}/staff/supervisor`);
  await supervisor.arrive('/staff/supervisor', 'supervisor-again');
}
