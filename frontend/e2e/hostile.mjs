// Untrusted text stays text: script and HTML payloads typed by a citizen (report, name, chat,
// case message) and by staff (internal note, public update) are shown literally on every page
// that shows them, and in the audit exports, and nothing runs. The browser context bypasses the
// app's Content-Security-Policy, so it is the rendering itself that is tested, not the CSP.
// Usage: node e2e/hostile.mjs <baseUrl>
import { assert, baseUrl, eventually, log, runJourney, sleep, staffSignIn } from './lib.mjs';

const BASE = baseUrl();
const WAIT = { timeout: 10000 };
const TAG = Date.now();
const P = {
  script: `<script>window.__pwned=1</script>`,
  img: `<img src=x onerror="window.__pwned=1" data-pwn>`,
  svg: `"><svg onload="window.__pwned=1" data-pwn>`,
  js: `javascript:window.__pwned=1//`,
  frame: `<iframe src="javascript:alert(1)" data-pwn></iframe>`,
};
const ALL = Object.values(P).join(' ');

async function open(browser, name) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const d = { page, name, dialogs: [] };
  page.on('dialog', (dialog) => {
    d.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => console.log(`  ${name} page error: ${e.message}`));
  return d;
}

/** fetch from inside the page, as the SPA does: same origin, cookies, the CSRF header. */
async function call(d, method, url, body, headers = {}) {
  return d.page.evaluate(
    async ([method, url, body, headers]) => {
      const cookie = () => document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
      // Any API response sets the XSRF-TOKEN cookie; ask for one if the page has not yet.
      if (!cookie()) await fetch('/api/v1/staff/me', { credentials: 'same-origin' });
      const xsrf = cookie();
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf.slice(11)) } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const head = Object.fromEntries(res.headers.entries());
      return { status: res.status, text, headers: head };
    },
    [method, url, body, headers],
  );
}

async function inert(d, where, mustShow) {
  await sleep(300);
  const seen = await d.page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    markup: document.querySelectorAll('[data-pwn], img[src="x"], img[onerror], svg[onload], iframe').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
    text: document.body.innerText,
  }));
  assert(seen.pwned === null, `${where}: a payload ran`);
  assert(d.dialogs.length === 0, `${where}: a dialog opened: ${d.dialogs}`);
  assert(
    seen.markup === 0 && seen.scripts === 0 && seen.jsLinks === 0,
    `${where}: a payload became markup: ${JSON.stringify({ ...seen, text: undefined })}`,
  );
  for (const text of mustShow) assert(seen.text.includes(text), `${where}: "${text}" is not shown literally`);
  log(`${where}: shown as text, nothing ran`);
}

async function signedIn(browser, who, from) {
  const d = await open(browser, who);
  // staffSignIn drives the real sign-in form; it needs the keyboard helpers only for typing.
  const { driver } = await import('./lib.mjs');
  await staffSignIn(driver(d.page, who), BASE, from, who, `blue-lamp-${who}`);
  return d;
}

/** Opening a person's record asks why (DPA 2018 s.62); give a reason when asked. */
async function giveReasonIfAsked(d) {
  const form = '[data-testid$="reason-form"] textarea';
  await d.page.waitForFunction(() => document.querySelectorAll('h1').length === 1, null, WAIT);
  await d.page
    .locator(form)
    .waitFor({ timeout: 2000 })
    .catch(() => {});
  if (await d.page.locator(form).count()) {
    await d.page.fill(form, 'Checking hostile text is shown safely');
    await d.page.getByRole('button', { name: 'Continue' }).click();
  }
}

runJourney('Hostile-input journey', async (browser) => {
  const c = await open(browser, 'citizen');
  await c.page.goto(`${BASE}/`);
  const report = await call(c, 'POST', '/api/v1/reports', {
    anyoneInDanger: false,
    category: 'THEFT',
    description: `${ALL} ${TAG}`,
    location: P.svg,
    occurredOn: new Date(Date.now() - 864e5).toISOString().slice(0, 10),
    occurredTime: P.js,
    name: P.img,
    updateChannel: 'ONLINE',
    updateFrequency: 'WEEKLY',
  });
  assert(report.status === 201, `report: ${report.status} ${report.text}`);
  const { reference, trackingCode } = JSON.parse(report.text);
  const chat = JSON.parse((await call(c, 'POST', '/api/v1/chats', { name: P.svg, topic: `${P.script} ${TAG}`, anyoneInDanger: false })).text);
  const chatMsg = await call(
    c,
    'POST',
    `/api/v1/chats/${chat.contactId}/messages`,
    { clientMessageId: `h-${TAG}`, text: `${P.img} ${P.js}` },
    { 'X-Chat-Token': chat.chatToken },
  );
  assert(chatMsg.status === 200, `chat message: ${chatMsg.status} ${chatMsg.text}`);
  const caseMsg = await call(
    c,
    'POST',
    `/api/v1/cases/${reference}/messages`,
    { text: `${P.script} ${P.frame}` },
    { 'X-Tracking-Code': trackingCode },
  );
  assert(caseMsg.status === 201, `case message: ${caseMsg.status} ${caseMsg.text}`);
  log(`citizen sent payloads in report ${reference}, chat ${chat.contactId} and a case message`);

  const h = await signedIn(browser, 'handler', '/staff/queue');
  await inert(h, 'console (queue)', []);
  const cases = `/api/v1/staff/cases/${reference}`;
  assert((await call(h, 'POST', `${cases}/notes`, { text: `${P.svg} ${P.script} internal-${TAG}` })).status === 204, 'note not added');
  assert((await call(h, 'POST', `${cases}/updates`, { text: `${P.img} ${P.js}`, keyDecision: false })).status === 204, 'update not posted');
  log('handler added a note and a public update with payloads');

  await eventually(
    'payloads on the case view',
    async () => {
      await h.page.goto(`${BASE}/staff/cases/${reference}`);
      await giveReasonIfAsked(h);
    },
    async () => {
      const text = await h.page
        .locator('main')
        .innerText()
        .catch(() => '');
      return [P.script, P.img, P.svg].every((p) => text.includes(p));
    },
  );
  await inert(h, 'case view', [P.script, P.img, P.svg]);

  const taken = await call(h, 'POST', `/api/v1/staff/contacts/${chat.contactId}/take`);
  assert(taken.status === 200, `take chat: ${taken.status} ${taken.text}`);
  await eventually(
    'chat transcript',
    async () => {
      await h.page.goto(`${BASE}/staff/contacts/${chat.contactId}`);
      await giveReasonIfAsked(h);
      await sleep(1000);
    },
    async () => (await h.page.locator('main').innerText()).includes(P.img),
  );
  await inert(h, 'contact workspace (chat)', [P.img, P.js]);

  await eventually(
    'tracking page',
    async () => {
      await c.page.goto(`${BASE}/track?reference=${reference}`);
      await c.page.fill('#trackingCode', trackingCode);
      await c.page.getByRole('button', { name: 'Track report' }).click();
      await c.page
        .locator('h1', { hasText: `Report ${reference}` })
        .waitFor({ timeout: 3000 })
        .catch(() => {});
    },
    async () => {
      const text = await c.page
        .locator('main')
        .innerText()
        .catch(() => '');
      return [P.script, P.img, P.svg].every((p) => text.includes(p));
    },
  );
  // What they told us (location, description) is on their page too, as text.
  await inert(c, 'citizen tracking page', [P.img, P.script, P.svg]);
  assert(!(await c.page.locator('main').innerText()).includes(`internal-${TAG}`), 'the citizen sees the internal note');

  await c.page.goto(`${BASE}/chat/live`).catch(() => {});
  await inert(c, 'citizen chat page', []);

  const s = await signedIn(browser, 'supervisor', '/staff/supervisor');
  await sleep(1000);
  await inert(s, 'supervisor view', []);

  const a = await signedIn(browser, 'auditor', '/staff/cases');
  await a.page.goto(`${BASE}/staff/audit/cases/${reference}`);
  await giveReasonIfAsked(a);
  await a.page.locator('table').first().waitFor(WAIT);
  // Each button turns into "Hide raw" once pressed.
  const showRaw = a.page.getByRole('button', { name: 'Show raw' });
  for (let i = 0; i < 60 && (await showRaw.count()) > 0; i++) await showRaw.first().click();
  // Raw events are JSON, so quotes inside a payload show escaped; the quote-free ones show as typed.
  await inert(a, 'audit trail with raw events', [P.script, String(TAG)]);

  for (const format of ['json', 'csv']) {
    const res = await call(
      a,
      'GET',
      `/api/v1/audit/cases/${reference}/export?format=${format}&reason=${encodeURIComponent('Checking hostile text')}`,
    );
    assert(res.status === 200, `${format} export: ${res.status}`);
    assert(res.headers['content-disposition']?.startsWith('attachment'), `${format} export is not an attachment`);
    assert(res.headers['x-content-type-options'] === 'nosniff', `${format} export may be sniffed`);
    assert(!res.headers['content-type'].includes('html'), `${format} export is served as ${res.headers['content-type']}`);
    assert(res.text.includes(String(TAG)), `${format} export lacks the payload`);
    if (format === 'json') {
      assert(JSON.stringify(JSON.parse(res.text)).includes(P.script), 'json export does not carry the payload as a string');
    } else {
      assert(res.text.includes(P.script) && res.headers['content-type'].startsWith('text/csv'), 'csv export lacks the payload');
    }
    log(`${format} export: attachment, nosniff, ${res.headers['content-type']}, payload quoted`);
  }
  // Opened as a page anyway, the export is downloaded or shown as text: never run.
  const exportPage = await a.page.context().newPage();
  await exportPage.goto(`${BASE}/api/v1/audit/cases/${reference}/export?format=json&reason=x`).catch(() => {});
  assert((await exportPage.evaluate(() => window.__pwned ?? null).catch(() => null)) === null, 'the export ran a payload');
});
