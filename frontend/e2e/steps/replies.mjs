// Replies by text and email (issue 16, point 3): the step is GOV.UK Notify, posting a citizen's
// text in Notify's own callback shape with the demo's bearer token. The demo sends no texts (no
// Notify key), so no number is verified and the reply waits in "Replies to match": the handler
// reads it there, puts it on the case it names, and finds it among the case's messages.
import { assert, eventually, log, newDriver, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function repliesToMatch(browser, acting, { base, reference }) {
  const id = crypto.randomUUID();
  const words = `About ${reference}: the bike was seen at the market (${Date.now()}).`;
  const posted = await fetch(`${base}/api/v1/inbound/text-messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-sms-token-not-for-production' },
    body: JSON.stringify({
      id,
      source_number: '447700900982',
      destination_number: '07700900000',
      message: words,
      date_received: new Date().toISOString().replace('Z', '000Z'),
    }),
  });
  const receipt = await posted.json();
  assert(posted.status === 200 && receipt.outcome === 'UNMATCHED', `Notify's callback was answered ${posted.status} ${JSON.stringify(receipt)}`);
  log(`a citizen's text naming ${reference} arrived from Notify and matched no case by itself`);

  const h = acting(await newDriver(browser, 'replies-handler'));
  await staffSignIn(h, base);
  const card = h.page.locator(`[data-reply-id="sms-${id}"]`);
  await eventually(
    'the reply in the queue',
    async () => {
      await h.page.goto(`${base}/staff/queue`);
      await h.followLink('Replies to match');
      await h.arrive('/staff/replies', 'replies-to-match');
    },
    () =>
      card.waitFor(WAIT).then(
        () => true,
        () => false,
      ),
  );
  assert((await card.innerText()).includes(words), 'the reply does not show its words');
  await h.pressButton('Put on the case', { within: `[data-reply-id="sms-${id}"]` });
  await h.page.locator('[data-testid=reply-done]', { hasText: `on case ${reference}` }).waitFor(WAIT);
  await h.checkPage('replies-to-match-attached');
  log(`handler put the reply on ${reference} from the queue`);

  await h.page.goto(`${base}/staff/cases/${reference}`);
  await h.arrive(`/staff/cases/${reference}`, 'case-with-reply');
  const messages = await h.text('[data-testid=case-messages]');
  assert(messages.includes(words) && messages.includes('Citizen by text message'), `the case's messages read: ${messages}`);
  log("the case shows the reply as the citizen's message, by text message");
  await h.page.context().close();
}
