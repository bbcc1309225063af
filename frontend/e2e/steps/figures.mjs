// Public accountability (issue 15, point 6): anyone can open the month's figures from the
// footer, choose this month, read counts with small numbers withheld, and take the open data.
import { assert, log } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function publicFigures(citizen, base) {
  await citizen.page.goto(`${base}/`);
  await citizen.arrive('/', 'start-figures');
  await citizen.followLink('How quickly we answer');
  await citizen.arrive('/figures', 'figures-last-month');
  // Newest month first, and last month chosen: one step up is this month.
  await citizen.tabToSelector('#month');
  const shown = citizen.page.waitForResponse((r) => r.url().includes('/api/v1/public/figures?month=') && r.status() === 200);
  await citizen.page.keyboard.press('ArrowUp');
  const month = new URL((await shown).url()).searchParams.get('month');
  await citizen.page.locator('[data-testid=public-figures] caption').filter({ hasNotText: 'Loading' }).waitFor(WAIT);
  const table = await citizen.text('[data-testid=public-figures]');
  assert(/Live chat/.test(table) && /Withheld|\d/.test(table), `this month's figures do not show: "${table}"`);
  await citizen.page.locator('[data-testid=victims-code-figures]').waitFor(WAIT);
  await citizen.checkPage('figures-this-month');
  const csv = await citizen.page.request.get(`${base}/api/v1/public/figures?month=${month}&format=csv`);
  const text = await csv.text();
  assert(
    csv.status() === 200 && text.startsWith('month,subject,measure,value\r\n'),
    `the CSV is not open data: ${csv.status()} ${text.slice(0, 80)}`,
  );
  assert(text.includes(`${month},CHAT,contacts,`), 'the CSV has no chat figures');
  log(`the public figures for ${month} show counts with small numbers withheld, and the CSV downloads`);
}
