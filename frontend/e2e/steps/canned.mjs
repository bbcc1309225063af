// Canned chat responses (issue 14, point 6): a supervisor adds one (an unknown placeholder is
// refused first), and the handler, mid-chat, adds it to a message by keyboard alone, checks it
// and sends it; the citizen reads it with the placeholders filled in.
import { assert, log, newDriver, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };

/** `citizenName` is the name the citizen gave when starting the chat the handler is working. */
export async function cannedResponseInChat(browser, acting, { base, handler, citizen, citizenName }) {
  const title = `Looking into it ${Date.now()}`;
  const text = 'Hello {citizenName}, my name is {handlerName}. I am looking into this now.';
  const filled = `Hello ${citizenName}, my name is handler. I am looking into this now.`;

  const supervisor = acting(await newDriver(browser, 'canned-supervisor'));
  await staffSignIn(supervisor, base, '/staff/supervisor', 'supervisor', 'blue-lamp-supervisor');
  await supervisor.followLink('Canned chat responses');
  await supervisor.arrive('/staff/supervisor/canned-responses', 'canned-responses');
  await supervisor.typeInto('#canned-title', title);
  await supervisor.typeInto('#canned-text', 'Hello {name}');
  await supervisor.pressButton('Add response');
  await supervisor.page.locator('.govuk-error-summary', { hasText: 'There is no placeholder {name}' }).waitFor(WAIT);
  await supervisor.checkPage('canned-responses-refused');
  await supervisor.typeInto('#canned-text', text);
  await supervisor.pressButton('Add response');
  await supervisor.page.locator('[data-testid=canned-responses] th', { hasText: title }).waitFor(WAIT);
  await supervisor.checkPage('canned-responses-added');
  log('supervisor added a canned response after an unknown placeholder was refused');

  acting(handler);
  const page = handler.page;
  await handler.tabToSelector('#message');
  await page.keyboard.press('Alt+Slash');
  await page
    .waitForFunction(() => document.activeElement?.id === 'canned-response', null, WAIT)
    .catch(() => {
      throw new Error('Alt and / did not move focus to the canned responses');
    });
  for (let i = 0; i < 100; i++) {
    if ((await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.text)) === title) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page
    .waitForFunction((t) => document.activeElement?.id === 'message' && document.activeElement.value === t, filled, WAIT)
    .catch(async () => {
      throw new Error(`the message box did not get the filled-in response: "${await page.inputValue('#message')}"`);
    });
  await handler.checkPage('workspace-canned-response');
  await page.keyboard.press('Enter');
  log('handler added the canned response by keyboard, checked it and sent it');

  acting(citizen);
  await citizen.page
    .waitForFunction((t) => document.querySelector('[role=log]')?.textContent.includes(t), filled, WAIT)
    .catch(() => {
      throw new Error(`the citizen never saw "${filled}"`);
    });
  assert(!(await citizen.page.locator('[role=log]').innerText()).includes('{'), 'a placeholder reached the citizen');
  log('the citizen read the canned response with the placeholders filled in');
  await supervisor.page.context().close();
}
