// The supervisor's chart of waits by hour is drawn by Chart.js on a canvas with a text
// alternative. jsdom has no canvas, so only a browser can tell it drew: the chat queue's colour
// (#0f7a52, WaitChart.tsx) must be on it, where the one chat answered today is a point.
import { assert } from '../lib.mjs';

export async function supervisorSeesWaitChart(supervisor) {
  const chart = supervisor.page.locator('canvas[role=img][data-testid=waits-chart]');
  await chart.waitFor({ timeout: 15000 });
  assert(((await chart.getAttribute('aria-label')) ?? '').includes('average wait by hour'), 'the chart has no text alternative');
  await supervisor.page
    .waitForFunction(
      () => {
        const canvas = document.querySelector('[data-testid=waits-chart]');
        if (!canvas?.width || !canvas.height) return false;
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.abs(px[i] - 15) < 10 && Math.abs(px[i + 1] - 122) < 10 && Math.abs(px[i + 2] - 82) < 10 && px[i + 3] > 200) return true;
        }
        return false;
      },
      null,
      { timeout: 15000 },
    )
    .catch(() => {
      throw new Error("the chart of waits drew no point for the chat queue's hour");
    });
}
