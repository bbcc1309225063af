// Issue 16, points 4 and 5: the relay and BSL routes on every citizen page, fraud pointed to
// Action Fraud (counted, no case opened), and the victim support referral with consent, which
// reaches the service when the app is given one (VICTIM_SUPPORT_FAKE: the fake's base address).
import { assert, eventually, log, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };

/** On the report's first question: the routes box at 320 px, then fraud pointed elsewhere and back. */
export async function signpostedElsewhere(d) {
  const { page } = d;
  await d.arrive('/report/topic', 'topic');
  await d.tabToSelector('[data-testid=accessible-routes] summary');
  await page.keyboard.press('Enter');
  const routes = await d.text('[data-testid=accessible-routes]');
  assert(/Relay UK/.test(routes) && routes.includes('18001 101') && routes.includes('18000'), `the routes box lacks Relay UK or 18000: "${routes}"`);
  assert(/British Sign Language/.test(routes), 'the routes box lacks the BSL service');
  await page.setViewportSize({ width: 320, height: 800 });
  await d.checkPage('topic-routes-320px');
  await page.setViewportSize({ width: 1024, height: 800 });
  log('every citizen page offers Relay UK, the BSL relay service, 999 and 18000');

  const reports = [];
  const listen = (request) => request.url().includes('/api/v1/reports') && reports.push(request.url());
  page.on('request', listen);
  await d.chooseRadio('topic', 'FRAUD');
  const counted = page.waitForResponse((r) => r.url().endsWith('/api/v1/signposts') && r.request().method() === 'POST', WAIT);
  await d.pressButton('Continue');
  assert((await counted).status() === 204, 'the signpost was not counted');
  await d.arrive('/report/elsewhere', 'elsewhere-fraud');
  const body = await d.text('main');
  assert(body.includes('Action Fraud') && body.includes('0300 123 2040'), 'fraud is not pointed to Action Fraud');
  assert((await page.getAttribute('[data-testid=signpost-link]', 'href')).startsWith('https://www.actionfraud.police.uk'), 'no link to Action Fraud');
  await d.checkPage('elsewhere-fraud');
  page.off('request', listen);
  assert(reports.length === 0, `a report was sent while pointing elsewhere: ${reports.join(', ')}`);
  log('fraud is pointed to Action Fraud before any case is opened, and counted');
  await d.followLink('Back');
  await d.arrive('/report/topic', 'topic-again');
}

/** On the confirmation page: the victim consents, and the referral reaches the service. */
export async function victimSupportReferral(d, { reference }) {
  const { page } = d;
  const offer = page.locator('[data-testid=victim-support]');
  await offer.waitFor(WAIT).catch(() => undefined);
  if (!(await offer.isVisible())) {
    assert(!process.env.VICTIM_SUPPORT_FAKE, 'no victim support offer, though the app has a service to refer to');
    log('no victim support service configured: the offer is not shown');
    return;
  }
  await d.pressButton('Send my answer');
  await page.locator('.govuk-error-summary', { hasText: 'Select yes if you want us to refer you' }).waitFor(WAIT);
  await d.chooseRadio('consent', 'YES');
  assert((await d.text('[data-testid=victim-support]')).includes('we will share your name'), 'the consent does not say what is shared');
  await d.typeInto('#supportPhone', '07700 900982');
  await d.pressButton('Send my answer');
  await page.locator('[data-testid=victim-support-status]', { hasText: 'refer you to' }).waitFor(WAIT);
  await d.checkPage('confirmation-referred');
  const fake = process.env.VICTIM_SUPPORT_FAKE;
  if (fake) {
    let received = [];
    await eventually(
      'the referral reaches the victim support service',
      async () => (received = await (await fetch(`${fake}/received`)).json()),
      () => received.some((r) => r.policeReference === reference && r.victim?.phone === '07700 900982'),
      20,
    );
  }
  log(`the victim consented and the referral of ${reference} ${fake ? 'reached the service' : 'was recorded'}`);
}

/** A supervisor sees the signpost counted this month, with the CSV beside it. */
export async function signpostingReport(d, base) {
  await staffSignIn(d, base, '/staff/supervisor/signposting-and-satisfaction', 'supervisor', 'blue-lamp-supervisor');
  await d.arrive('/staff/supervisor/signposting-and-satisfaction', 'signposting-report');
  await d.page.locator('[data-testid=signposting-report]').waitFor(WAIT);
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date());
  const row = await d.text(`[data-testid=signposting-report] tbody tr:has-text("${month}")`);
  const fraud = Number(row.split(/\s+/).filter((c) => /^\d+$/.test(c))[1]);
  assert(fraud >= 1, `this month's fraud signposts are not counted: "${row}"`);
  await d.checkPage('signposting-report');
  await d.pressButton('Sign out');
  log(`a supervisor sees ${fraud} fraud signpost(s) this month`);
}
