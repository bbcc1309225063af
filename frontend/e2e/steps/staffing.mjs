// Handler names and skills (issue 14, point 6): the handler sets the name citizens see, a
// citizen's chat shows it and never the login, and a supervisor gives the handler a skill that
// the presence board then shows. Keyboard only, axe on every page.
import { assert, log, newDriver } from '../lib.mjs';

const WAIT = { timeout: 15000 };
const SHOWN = 'Sam (call handler)';
const LOGIN = 'handler';

/** `handler` and `supervisor` are signed in; `step(driver, fn)` marks who acts, for failure shots. */
export async function staffing({ browser, base, handler, supervisor, step }) {
  const citizen = await newDriver(browser, 'citizen-staffing');
  await step(handler, () => setsDisplayName(handler, base));
  let contactId;
  await step(citizen, async () => {
    contactId = await startsChat(citizen, base);
  });
  await step(handler, () => takesAndWrites(handler, contactId));
  await step(citizen, () => seesOnlyTheDisplayName(citizen));
  await step(handler, () => endsChat(handler));
  await step(supervisor, () => givesWelsh(supervisor, base));
  await citizen.page.context().close();
}

async function setsDisplayName(handler, base) {
  await handler.page.goto(`${base}/staff/queue`);
  await handler.arrive('/staff/queue', 'console-display-name');
  await handler.typeInto('#display-name', SHOWN);
  await handler.pressButton('Save name');
  await handler.page.locator('[data-testid=display-name-status]', { hasText: `Citizens see you as ${SHOWN}.` }).waitFor(WAIT);
  await handler.checkPage('console-display-name-saved');
  log(`handler set the name citizens see: "${SHOWN}"`);
}

async function startsChat(citizen, base) {
  await citizen.page.goto(`${base}/chat`);
  await citizen.arrive('/chat', 'staffing-chat-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Continue');
  await citizen.arrive('/chat/details', 'staffing-chat-details');
  await citizen.typeInto('#topic', `Who am I talking to? (${Date.now()})`);
  const started = citizen.page.waitForResponse((r) => r.url().endsWith('/api/v1/chats') && r.request().method() === 'POST');
  await citizen.pressButton('Start chat');
  const contactId = (await (await started).json()).contactId;
  await citizen.arrive('/chat/live', 'staffing-chat-waiting');
  return contactId;
}

async function takesAndWrites(handler, contactId) {
  const row = `table[data-channel=CHAT] tr[data-contact-id="${contactId}"]`;
  await handler.page.locator(row).waitFor(WAIT);
  await handler.pressButton('Take', { within: row });
  await handler.arrive(`/staff/contacts/${contactId}`, 'staffing-workspace');
  await handler.typeInto('#message', 'Hello, how can I help?');
  await handler.pressButton('Send');
  await handler.page.waitForFunction(() => document.querySelector('[role=log]')?.textContent.includes('how can I help'), null, WAIT);
}

async function seesOnlyTheDisplayName(citizen) {
  await citizen.page.locator('[role=status]', { hasText: `You are chatting with ${SHOWN}` }).waitFor(WAIT);
  await citizen.page.waitForFunction(() => document.querySelector('[role=log]')?.textContent.includes('how can I help'), null, WAIT);
  const authors = await citizen.page.locator('[role=log] strong').allInnerTexts();
  assert(authors.includes(SHOWN), `the handler's message is not under "${SHOWN}": ${JSON.stringify(authors)}`);
  // After a reload too: the name comes from the server's records, not the page's memory.
  await citizen.page.reload();
  await citizen.page.locator('[role=status]', { hasText: `You are chatting with ${SHOWN}` }).waitFor(WAIT);
  await citizen.page.waitForFunction(() => document.querySelector('[role=log]')?.textContent.includes('how can I help'), null, WAIT);
  const everything = (await citizen.text('body')).replace(/call handler/gi, '');
  assert(!new RegExp(`\\b${LOGIN}\\b`, 'i').test(everything), `the citizen's page shows the login name "${LOGIN}"`);
  await citizen.checkPage('staffing-chat-display-name');
  log('the citizen sees the display name, in the joined text and on messages, and never the login');
}

async function endsChat(handler) {
  await handler.pressButton('End chat');
  await handler.page.locator('[data-testid=chat-ended]').waitFor(WAIT);
}

async function givesWelsh(supervisor, base) {
  await supervisor.page.goto(`${base}/staff/supervisor`);
  await supervisor.arrive('/staff/supervisor', 'supervisor-skills');
  const row = supervisor.page.locator('[data-testid=presence-board] tbody tr', {
    has: supervisor.page.locator('th', { hasText: new RegExp(`^${LOGIN}$`) }),
  });
  await row.locator('td', { hasText: SHOWN }).waitFor(WAIT);
  if (!(await row.locator('.govuk-tag', { hasText: 'Welsh speaker' }).count())) {
    const id = await row.locator('input[value=WELSH]').getAttribute('id');
    await supervisor.tabToSelector(`details:has(#${id}) summary`);
    await supervisor.page.keyboard.press('Enter');
    await supervisor.tabToSelector(`#${id}`);
    await supervisor.page.keyboard.press('Space');
    await supervisor.pressButton('Save skills', { within: `details:has(#${id})` });
    await row.locator('.govuk-tag', { hasText: 'Welsh speaker' }).waitFor(WAIT);
  }
  // Again from the server: the skill is recorded, not only drawn.
  await supervisor.page.reload();
  await supervisor.arrive('/staff/supervisor', 'supervisor-skills-saved');
  await row.locator('.govuk-tag', { hasText: 'Welsh speaker' }).waitFor(WAIT);
  log(`supervisor gave ${LOGIN} the Welsh speaker skill and the presence board shows it, with the name citizens see`);
}
