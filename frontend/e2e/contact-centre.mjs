// Live chat between a citizen and a handler, in two browsers at once, keyboard only,
// with axe on every page; then the supervisor dashboard.
// Usage: node e2e/contact-centre.mjs <baseUrl>   (or BASE_URL=...)
import { assert, baseUrl, log, newDriver, openContextTab, runJourney } from './lib.mjs';
import { cannedResponseInChat } from './steps/canned.mjs';
import { handlerWorkspace } from './steps/workspace.mjs';
import { staffing } from './steps/staffing.mjs';
import { evidenceInTheChat } from './steps/evidence.mjs';
import { citizenEmailsTranscript } from './steps/transcript.mjs';
import { supervisorSeesWaitChart } from './steps/waitChart.mjs';
import { supervisorReports } from './steps/reports.mjs';
import { whatIf } from './steps/whatif.mjs';
import { publicFigures } from './steps/figures.mjs';
import { supervisorPlans } from './steps/planning.mjs';

const BASE = baseUrl();
const TOPIC = `Someone keeps leaving rubbish in my front garden (${Date.now()})`;
const HELLO = 'Hello, it has happened again this morning.';
const REPLY = 'Thank you. Can you tell me your street name?';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
const WAIT = { timeout: 15000 };

async function signIn(d, username, password) {
  await d.typeInto('#username', username);
  await d.typeInto('#password', password);
  await d.pressButton('Sign in');
}

const logHas = (d, text) =>
  d.page
    .waitForFunction((t) => document.querySelector('[role=log]')?.textContent.includes(t), text, WAIT)
    .catch(() => {
      throw new Error(`${d.name} never saw "${text}" in the conversation`);
    });

async function handlerSignsIn(handler) {
  await handler.page.goto(`${BASE}/staff/queue`);
  await handler.arrive('/staff/sign-in', 'sign-in');
  await signIn(handler, 'handler', 'blue-lamp-handler');
  await handler.arrive('/staff/queue', 'console');
  await handler.chooseRadio('availability', 'AVAILABLE');
  await handler.pressButton('Set availability');
  await handler.page.locator('[data-testid=availability]', { hasText: 'You are available' }).waitFor(WAIT);
  log('handler signed in and is available');
}

let chatId;

async function citizenStartsChat(citizen) {
  await citizen.page.goto(`${BASE}/`);
  await citizen.arrive('/', 'start');
  await citizen.followLink('Start a live chat');
  await citizen.arrive('/chat', 'chat-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Continue');
  await citizen.arrive('/chat/details', 'chat-details');
  await citizen.typeInto('#name', 'Alex');
  await citizen.typeInto('#topic', TOPIC);
  const started = citizen.page.waitForResponse((r) => r.url().endsWith('/api/v1/chats') && r.request().method() === 'POST');
  await citizen.pressButton('Start chat');
  chatId = (await (await started).json()).contactId;
  await citizen.arrive('/chat/live', 'chat-waiting');
  const position = citizen.page.locator('[data-testid=queue-position]');
  await position
    .filter({ hasText: /^You are number \d+ in the queue$/ })
    .waitFor(WAIT)
    .catch(async () => {
      throw new Error(`no queue position shown: "${await position.innerText().catch(() => '')}"`);
    });
  log(`citizen is waiting: "${(await position.innerText()).trim()}"`);
}

async function handlerTakesChat(handler) {
  // Marks this page load: if the console reloaded to show the chat, the mark would be gone.
  await handler.page.evaluate(() => (window.__sameLoad = true));
  // The queue shows no citizen's words (ADR 0030): the row is the chat the citizen started.
  const row = handler.page.locator(`table[data-channel=CHAT] tr[data-contact-id="${chatId}"]`);
  await row.waitFor(WAIT).catch(() => {
    throw new Error('the chat did not appear in the handler console');
  });
  assert(await handler.page.evaluate(() => window.__sameLoad === true), 'the console reloaded to show the chat');
  const contactId = await row.getAttribute('data-contact-id');
  await handler.checkPage('console-with-chat');
  log('the chat appeared in the console live, without a reload');
  await handler.pressButton('Take', { within: `tr[data-contact-id="${contactId}"]` });
  await handler.arrive(`/staff/contacts/${contactId}`, 'workspace-chat');
  await handler.page.locator('.govuk-summary-list', { hasText: TOPIC }).waitFor(WAIT);
  log('handler took the chat');
}

async function converse(citizen, handler) {
  await citizen.page.locator('[role=status]', { hasText: 'You are chatting with' }).waitFor(WAIT);
  log('citizen sees the handler has joined');
  await citizen.typeInto('#message', HELLO);
  await handler.page.locator('[data-testid=typing]', { hasText: 'is typing' }).waitFor(WAIT);
  log('the handler sees the citizen typing');
  await citizen.pressButton('Send');
  await logHas(handler, HELLO);
  log('citizen message reached the handler');
  await handler.typeInto('#message', REPLY);
  await handler.pressButton('Send');
  await logHas(citizen, REPLY);
  log('handler reply reached the citizen');
  await citizen.typeInto('#message', XSS);
  await citizen.pressButton('Send');
  await logHas(handler, XSS);
  for (const d of [citizen, handler]) {
    const injected = await d.page.evaluate(() => ({
      xss: window.__xss,
      elements: document.querySelectorAll('[role=log] img, [role=log] script').length,
    }));
    assert(injected.xss === undefined && injected.elements === 0, `${d.name}: markup in a message was run as HTML`);
  }
  log('markup in a message shows as text on both sides and never runs');
  await citizen.checkPage('chat-active');
  await handler.checkPage('workspace-conversation');
}

async function handlerTriagesAndSummarises(handler) {
  await openContextTab(handler, 'Triage');
  await handler.typeInto('#triage-threat', 'Repeated dumping; no threat to the person');
  await handler.chooseRadio('triage-grade', 'IMMEDIATE');
  await handler.typeInto('#triage-rationale', 'Test of the immediate instruction');
  await handler.pressButton('Save triage');
  await handler.page.locator('[data-testid=instruction]').waitFor(WAIT);
  assert(await handler.page.evaluate(() => document.activeElement?.dataset.testid === 'instruction'), 'the IMMEDIATE instruction is not focused');
  log(`IMMEDIATE grade shows: "${(await handler.text('[data-testid=instruction]')).replace(/\s+/g, ' ').trim()}"`);
  await openContextTab(handler, 'Case');
  await handler.chooseRadio('summary-category', 'CRIMINAL_DAMAGE');
  await handler.typeInto('#summary-summary', 'Rubbish repeatedly dumped in the caller’s front garden.');
  await handler.pressButton('Save summary');
  const result = (await handler.text('[data-testid=summary-result]')).replace(/\s+/g, ' ').trim();
  assert(/BL-\d{4}-\d{6}/.test(result), `no case reference after the summary: "${result}"`);
  await handler.checkPage('workspace-triaged');
  log(`summary opened a case: ${result}`);
}

/** The case opened from the chat: its reference and code reach the citizen's page, and only theirs. */
async function citizenIsGivenTheCase(citizen, handler) {
  const given = citizen.page.locator('[data-testid=case-opened]');
  await given.waitFor(WAIT).catch(() => {
    throw new Error('the citizen was not given the case opened from the chat');
  });
  const reference = (await citizen.text('[data-testid=case-reference]')).trim();
  const code = (await citizen.text('[data-testid=case-tracking-code]')).replace(/\s+/g, '');
  assert(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code), `the citizen's tracking code reads "${code}"`);
  const handlerSees = await handler.text('main');
  assert(handlerSees.includes(reference), `the handler's page does not name the case ${reference}`);
  assert(!handlerSees.replace(/\s+/g, '').includes(code), "the handler's page shows the citizen's tracking code");
  await citizen.checkPage('chat-case-opened');
  log(`the citizen alone was given ${reference} and its tracking code in the chat`);
}

async function handlerEndsChat(citizen, handler) {
  await handler.pressButton('End chat');
  await handler.page.locator('[data-testid=chat-ended]').waitFor(WAIT);
  await citizen.page
    .locator('[data-testid=chat-ended]')
    .waitFor(WAIT)
    .catch(() => {
      throw new Error('the citizen was not told the chat ended');
    });
  await citizen.checkPage('chat-ended');
  log('handler ended the chat and the citizen sees it ended');
}

async function citizenAsksForCallback(citizen) {
  await citizen.page.goto(`${BASE}/`);
  await citizen.arrive('/', 'start-again');
  await citizen.followLink('Ask us to call you back');
  await citizen.arrive('/callback', 'callback-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Continue');
  await citizen.arrive('/callback/details', 'callback-details');
  await citizen.typeInto('#phone', '07700 900982');
  await citizen.typeInto('#topic', 'A question about my neighbour’s CCTV');
  const first = await citizen.page.locator('input[name=window]').first().getAttribute('value');
  await citizen.chooseRadio('window', first);
  await citizen.pressButton('Request call back');
  await citizen.arrive('/callback/confirmation', 'callback-confirmation');
  log(`call-back requested: ${(await citizen.text('.govuk-panel__body')).trim()}`);
}

async function supervisorDashboard(supervisor) {
  await supervisor.page.goto(`${BASE}/staff/supervisor`);
  await supervisor.arrive('/staff/sign-in', 'sign-in');
  await signIn(supervisor, 'supervisor', 'blue-lamp-supervisor');
  await supervisor.arrive('/staff/supervisor', 'supervisor');
  assert((await supervisor.page.locator('[data-testid=channel-stats] tbody tr').count()) >= 1, 'no queue figures');
  await supervisorSeesWaitChart(supervisor);
  assert((await supervisor.page.locator('[data-testid=waits-table]').count()) === 1, 'no table beside the chart');
  const row = await supervisor.page
    .locator('[data-testid=presence-board] tbody tr', { has: supervisor.page.locator('th', { hasText: /^handler$/ }) })
    .innerText(WAIT);
  assert(/handler\s+Available/.test(row), `the presence board does not show the handler available: "${row}"`);
  log("supervisor dashboard shows the queue figures, the chart and its table, and each handler's state");
}

runJourney('Contact-centre journey', async (browser, acting) => {
  const handler = acting(await newDriver(browser, 'handler'));
  const citizen = await newDriver(browser, 'citizen');
  const step = async (d, fn) => {
    acting(d);
    await fn();
  };
  await step(handler, () => handlerSignsIn(handler));
  await step(citizen, () => citizenStartsChat(citizen));
  await step(handler, () => handlerTakesChat(handler));
  await step(citizen, () => converse(citizen, handler));
  await handlerWorkspace({ browser, acting, base: BASE, handler, citizen, first: chatId });
  await cannedResponseInChat(browser, acting, { base: BASE, handler, citizen, citizenName: 'Alex' });
  await evidenceInTheChat(citizen, handler, acting);
  await step(handler, () => handlerTriagesAndSummarises(handler));
  await step(citizen, () => citizenIsGivenTheCase(citizen, handler));
  await step(handler, () => handlerEndsChat(citizen, handler));
  await step(citizen, () => citizenEmailsTranscript(citizen));
  await step(citizen, () => citizenAsksForCallback(citizen));
  await step(citizen, () => publicFigures(citizen, BASE));
  const supervisor = await newDriver(browser, 'supervisor');
  await step(supervisor, () => supervisorDashboard(supervisor));
  await step(supervisor, () => supervisorReports(supervisor, BASE));
  await step(supervisor, () => whatIf(supervisor));
  await step(supervisor, () => supervisorPlans(supervisor, BASE));
  await staffing({ browser, base: BASE, handler, supervisor, step });
});
