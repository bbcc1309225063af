// Chats end when the citizen has gone, and not before (issue 14): a closed tab, quick exit and a
// connection that dies without a word, against a reload that must lose nothing; then an idle
// chat that warns both sides and closes. The app runs with a grace period of seconds
// (LeavingJourneysIT), so each wait is seconds, not minutes.
// Usage: node e2e/leaving.mjs <baseUrl>   (an app with bluelamp.chat.citizen-grace of a few seconds)
import net from 'node:net';
import { assert, baseUrl, eventually, log, newDriver, runJourney, staffSignIn } from './lib.mjs';

const BASE = baseUrl();
const WAIT = { timeout: 20000 };
// Three missed heart-beats (30 s), the grace period and a check: a silent socket takes this long.
const SILENCE = { timeout: 90000 };

/** A loopback proxy to the app that can go silent: no byte either way and no close, as a phone losing signal. */
function silenceableProxy(target) {
  const { hostname, port } = new URL(target);
  let silent = false;
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
    }
    client.on('data', (d) => silent || upstream.write(d));
    upstream.on('data', (d) => silent || client.write(d));
    client.on('close', () => silent || upstream.destroy());
    upstream.on('close', () => silent || client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        goSilent: () => (silent = true),
        close: () => {
          server.close();
          for (const s of sockets) s.destroy();
        },
      }),
    ),
  );
}

async function startChat(citizen, base, topic) {
  await citizen.page.goto(`${base}/chat`);
  await citizen.arrive('/chat', 'chat-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Continue');
  await citizen.arrive('/chat/details', 'chat-details');
  await citizen.typeInto('#topic', topic);
  const started = citizen.page.waitForResponse((r) => r.url().endsWith('/api/v1/chats') && r.request().method() === 'POST');
  await citizen.pressButton('Start chat');
  const { contactId } = await (await started).json();
  await citizen.arrive('/chat/live', 'chat-waiting');
  await citizen.page.locator('[data-testid=queue-position]', { hasText: /^You are number \d+ in the queue$/ }).waitFor(WAIT);
  const warning = await citizen.text('[data-testid=keep-open]');
  assert(warning.includes('lose your place in the queue'), `the waiting page does not warn about leaving: "${warning}"`);
  const wait = await citizen.text('[data-testid=expected-wait]');
  assert(/wait/.test(wait), `the waiting page says nothing of the wait: "${wait}"`);
  return contactId;
}

const row = (handler, contactId) => handler.page.locator(`table[data-channel=CHAT] tr[data-contact-id="${contactId}"]`);

async function take(handler, contactId) {
  await handler.page.goto(`${BASE}/staff/queue`);
  await handler.arrive('/staff/queue', 'console');
  await row(handler, contactId).waitFor(WAIT);
  await handler.pressButton('Take', { within: `tr[data-contact-id="${contactId}"]` });
  await handler.arrive(`/staff/contacts/${contactId}`, 'workspace-chat');
}

const idleWarningShown = (d) => d.page.locator('[data-testid=idle-warning]').waitFor(SILENCE);

await runJourney('Leaving journey', async (browser, acting) => {
  const handler = await newDriver(browser, 'handler');
  acting(handler);
  await staffSignIn(handler, BASE);

  // A citizen who closes the tab leaves the queue after the grace period; one who reloads does not.
  const stays = await newDriver(browser, 'citizen-reloads');
  const goes = await newDriver(browser, 'citizen-closes');
  acting(stays);
  const staying = await startChat(stays, BASE, 'My bike was stolen, I may reload this page');
  acting(goes);
  const going = await startChat(goes, BASE, 'A question about parking, but I will close the tab');
  acting(handler);
  await row(handler, staying).waitFor(WAIT);
  await row(handler, going).waitFor(WAIT);
  await goes.page.close();
  await stays.page.reload();
  acting(stays);
  await stays.arrive('/chat/live', 'chat-after-reload');
  await stays.page.locator('[data-testid=queue-position]', { hasText: /^You are number \d+ in the queue$/ }).waitFor(WAIT);
  const kept = await stays.page.evaluate(() => JSON.parse(sessionStorage.getItem('bluelamp.chat') ?? 'null')?.contactId);
  assert(kept === staying, `the reloaded tab is in chat ${kept}, not ${staying}`);
  log('a reload keeps the chat and its place in the queue');
  acting(handler);
  await row(handler, going).waitFor({ state: 'detached', ...SILENCE });
  assert(await row(handler, staying).isVisible(), 'the chat whose citizen reloaded left the queue too');
  log('the chat whose tab was closed left the queue after the grace period; the reloaded one stayed');

  // Quick exit (Shift three times) ends the chat at once and the tab forgets it.
  acting(stays);
  const token = await stays.page.evaluate(() => JSON.parse(sessionStorage.getItem('bluelamp.chat') ?? 'null')?.chatToken);
  for (let i = 0; i < 3; i++) await stays.page.keyboard.press('Shift');
  acting(handler);
  await row(handler, staying).waitFor({ state: 'detached', ...WAIT });
  // Ended by the citizen's own request as the page went, not by the grace period running out.
  let ended;
  await eventually(
    "the chat's own view of its end",
    async () => (ended = await (await handler.page.request.get(`${BASE}/api/v1/chats/${staying}`, { headers: { 'X-Chat-Token': token } })).json()),
    async () => ended.state !== 'WAITING',
  );
  assert(ended.endReason === 'ASKED', `quick exit did not end the chat itself: ${JSON.stringify(ended)}`);
  acting(stays);
  await stays.page.waitForURL((url) => !url.href.startsWith(BASE), WAIT);
  await stays.page.goto(`${BASE}/chat/live`);
  await stays.arrive('/chat/live', 'chat-after-quick-exit');
  assert((await stays.text('main')).includes('There is no chat open in this browser tab'), 'the tab still holds the chat after quick exit');
  log('quick exit ended the chat at once and the tab forgot it');

  // A connection that dies without a close: the handler is told the citizen has left.
  const proxy = await silenceableProxy(BASE);
  try {
    const lost = await newDriver(browser, 'citizen-loses-signal');
    acting(lost);
    const losing = await startChat(lost, proxy.url, 'Reporting a break-in, on a train');
    acting(handler);
    await take(handler, losing);
    acting(lost);
    await lost.page.locator('[role=status]', { hasText: 'You are chatting with' }).waitFor(WAIT);
    proxy.goSilent();
    acting(handler);
    // The handler asks after a citizen gone quiet, as handlers do, which also keeps the chat from
    // closing as idle before the dead connection is noticed.
    const told = handler.page.locator('[data-testid=chat-ended]', { hasText: 'The citizen has left' });
    const giveUp = Date.now() + SILENCE.timeout;
    while (!(await told.isVisible())) {
      assert(Date.now() < giveUp, 'the handler was never told the citizen had left');
      // The chat can end as the handler types or before they press Send, which then goes: the
      // loop's own check, that the handler is told, is what this waits for.
      await handler
        .typeInto('#message', 'Are you still there?')
        .then(() => handler.pressButton('Send'))
        .catch(() => {});
      await told.waitFor({ timeout: 10000 }).catch(() => {});
    }
    await handler.checkPage('workspace-citizen-left');
    log('a silently dropped connection was noticed and the handler told the citizen had left');
  } finally {
    proxy.close();
  }

  // An idle chat warns both sides; a message lifts the warning; silence again closes it.
  const quiet = await newDriver(browser, 'citizen-goes-quiet');
  acting(quiet);
  const quietChat = await startChat(quiet, BASE, 'Noise from next door, I will go quiet');
  acting(handler);
  await take(handler, quietChat);
  await Promise.all([idleWarningShown(handler), idleWarningShown(quiet)]);
  await quiet.checkPage('chat-idle-warning');
  await handler.checkPage('workspace-idle-warning');
  log('both sides were warned that nobody had written');
  acting(quiet);
  await quiet.typeInto('#message', 'Still here, sorry');
  await quiet.pressButton('Send');
  await handler.page.locator('[data-testid=idle-warning]').waitFor({ state: 'detached', ...WAIT });
  await quiet.page.locator('[data-testid=idle-warning]').waitFor({ state: 'detached', ...WAIT });
  log('a message lifted the warning on both sides');
  await Promise.all([idleWarningShown(handler), idleWarningShown(quiet)]);
  await quiet.page.locator('[data-testid=chat-ended]', { hasText: 'nobody wrote' }).waitFor(SILENCE);
  acting(handler);
  await handler.page.locator('[data-testid=chat-ended]', { hasText: 'nobody wrote' }).waitFor(WAIT);
  await quiet.checkPage('chat-closed-idle');
  log('the idle chat closed on both sides');
});
