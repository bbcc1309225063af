// Planning (issue 15, points 2 and 3): the supervisor opens Planning from the dashboard, sees
// the forecast (on a fresh install with little history, the fallback, and the page says so) with
// its accuracy, plans handlers for one hour of today's weekday, and sees the gap for that hour.
// Keyboard only, axe on each state, and the page fits 320 px.
import { assert, log } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function supervisorPlans(supervisor, base) {
  await supervisor.page.goto(`${base}/staff/supervisor`);
  await supervisor.arrive('/staff/supervisor', 'supervisor-before-planning');
  await supervisor.followLink('Planning');
  await supervisor.arrive('/staff/supervisor/planning', 'planning');
  const accuracy = await supervisor.text('[data-testid=forecast-accuracy]');
  assert(/Weekly pattern with trend|Same day last week|No history yet/.test(accuracy), `no forecast method shown: ${accuracy}`);
  if (!accuracy.includes('Weekly pattern with trend')) {
    await supervisor.page.locator('[data-testid=forecast-fallback]').waitFor(WAIT);
  }
  await supervisor.page.locator('canvas[role=img][data-testid=gap-chart]').waitFor(WAIT);
  await supervisor.page.locator('[data-testid=gap-table] tr[data-hour="09:00"]').waitFor(WAIT);

  await supervisor.typeInto('#handlers', '4');
  await supervisor.pressButton('Save plan');
  await supervisor.page.locator('[data-testid=plan-done]', { hasText: 'Planned 4 handlers' }).waitFor(WAIT);
  const nine = supervisor.page.locator('[data-testid=gap-table] tr[data-hour="09:00"]');
  await nine.locator('td', { hasText: /^4$/ }).first().waitFor(WAIT);
  const row = await nine.innerText();
  assert(/Covered|short|over/.test(row), `no gap shown for 09:00: ${row}`);
  await supervisor.checkPage('planning-planned');

  await supervisor.page.setViewportSize({ width: 320, height: 800 });
  // The charts follow their box on the next resize observation, so wait for the page to settle.
  await supervisor.page
    .waitForFunction(() => document.documentElement.scrollWidth <= 320, null, WAIT)
    .catch(async () => {
      const wide = await supervisor.page.evaluate(() => document.documentElement.scrollWidth);
      throw new Error(`the planning page is ${wide} px wide at 320 px`);
    });
  await supervisor.checkPage('planning-320');
  await supervisor.page.setViewportSize({ width: 1280, height: 800 });
  log(`supervisor planned 4 handlers for 09:00 and sees the gap: ${row.replace(/\s+/g, ' ')}`);
}
