// The supervisor replays today (in the force's time zone) with one chat handler fewer, then
// one more, from the dashboard's link, and sees the day beside the plan; axe on each result.
import { assert, log } from '../lib.mjs';

const today = () => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(
    new Date(),
  );
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
};

async function replay(supervisor, change, shotName) {
  const { page } = supervisor;
  await supervisor.typeInto('#whatif-CHAT-handlerChange', change);
  await supervisor.pressButton('Replay the day');
  const chat = page.locator('[data-testid=whatif-channel]', { has: page.locator('caption', { hasText: /^Live chat$/ }) });
  // The plan's handlers' time on duty moves with the plan: fewer than on the day, or more.
  await page
    .waitForFunction(
      (fewer) => {
        const table = [...document.querySelectorAll('[data-testid=whatif-channel]')].find((t) => t.caption?.textContent === 'Live chat');
        const row = table?.querySelector('[data-testid=whatif-handler-time]');
        const [day, , plan] = [...(row?.querySelectorAll('td') ?? [])].map((td) => Number(td.dataset.seconds));
        return row && (fewer ? plan < day : plan > day);
      },
      change.startsWith('-'),
      { timeout: 15000 },
    )
    .catch(() => {
      throw new Error(`replaying with ${change} chat handlers showed no change in handlers' time on duty`);
    });
  assert((await chat.innerText()).includes('Average speed of answer'), 'no speed of answer');
  assert((await page.locator('[data-testid=whatif-hours] tbody tr').count()) >= 1, 'no hour by hour figures');
  assert((await page.locator('canvas[role=img][data-testid=whatif-chart]').count()) === 1, 'no chart');
  await supervisor.checkPage(shotName);
}

export async function whatIf(supervisor) {
  await supervisor.followLink('What if: replay a past day');
  await supervisor.arrive('/staff/supervisor/what-if', 'what-if');
  const { day, month, year } = today();
  await supervisor.typeInto('#whatif-date-day', day);
  await supervisor.typeInto('#whatif-date-month', month);
  await supervisor.typeInto('#whatif-date-year', year);
  await replay(supervisor, '-1', 'what-if-one-fewer');
  await replay(supervisor, '1', 'what-if-one-more');
  log('supervisor replays today with one chat handler fewer and one more, and sees the day beside each plan');
}
