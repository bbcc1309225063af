// Shared by the browser journeys: launch flags, keyboard-only driving and the axe check.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
export const baseUrl = () => (process.argv[2] || process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');

export const log = (msg) => console.log(`• ${msg}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Read models trail the commands by a moment: retry `act` until `ok` or give up. */
export async function eventually(what, act, ok, tries = 10) {
  for (let i = 1; ; i++) {
    await act();
    if (await ok()) return;
    assert(i < tries, `${what} not seen after ${tries} tries`);
    log(`${what} not visible yet (try ${i}), retrying`);
    await sleep(1000);
  }
}

export function assert(ok, message) {
  if (!ok) throw new Error(message);
}

export async function launch() {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser context (its own cookies) with one page, driven by the keyboard only. */
export async function newDriver(browser, name = '') {
  // bypassCSP only lets the test inject axe-core; the app's own pages never need inline script.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  ${name} page error: ${e.message}`));
  return driver(page, name);
}

let shot = 0;

export function driver(page, name = '') {
  const prefix = name ? `${name}-` : '';
  const d = {
    page,
    name,
    /** Waits for the SPA to show a page, then checks it with axe and saves a screenshot. */
    async arrive(pathname, shotName) {
      const test = typeof pathname === 'string' ? (p) => location.pathname === p : (re) => new RegExp(re).test(location.pathname);
      const arg = typeof pathname === 'string' ? pathname : pathname.source;
      await page.waitForFunction(test, arg, { timeout: 10000 }).catch(async () => {
        throw new Error(`expected to be on ${pathname} but am on ${new URL(page.url()).pathname}`);
      });
      // The route changes before the new page has rendered (staff pages load who is signed in
      // first), so the old page can still be showing its one h1 for a frame: wait until the page
      // has held one h1 and no "Loading…" for a quarter of a second.
      await page.evaluate(() => {
        window.__settledSince = undefined;
      });
      await page.waitForFunction(
        () => {
          if (document.querySelectorAll('h1').length !== 1 || document.body.innerText.includes('Loading…')) {
            window.__settledSince = undefined;
            return false;
          }
          window.__settledSince ??= performance.now();
          return performance.now() - window.__settledSince >= 250;
        },
        null,
        { timeout: 10000, polling: 25 },
      );
      await d.checkPage(shotName);
    },
    async checkPage(shotName) {
      const h1s = await page.locator('h1').count();
      assert(h1s === 1, `${shotName}: expected one h1, found ${h1s}`);
      const title = await page.title();
      assert(title.includes('Blue Lamp'), `${shotName}: page title "${title}" is not set`);
      // Once per document: a page the app changed without reloading still has axe, and parsing
      // its half a megabyte again for every check cost the build seconds of CPU per journey.
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      // Every page's picture is for people running a journey by hand; the build keeps only a failure's.
      if (process.env.E2E_SCREENSHOTS !== 'failures') {
        const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${prefix}${shotName}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      assert(!violations.length, `${shotName}: accessibility violations:\n  ${violations.join('\n  ')}`);
      log(`${prefix}${shotName}: "${title}" – no axe violations`);
    },
    /** Presses Tab until the focused element passes `test`; the journeys never click. */
    async tabTo(description, test, arg, max = 120) {
      for (let i = 0; i < max; i++) {
        if (await page.evaluate(test, arg)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${description} with the Tab key`);
    },
    tabToSelector: (selector) => d.tabTo(selector, (s) => document.activeElement?.matches(s) ?? false, selector),
    async typeInto(selector, text) {
      await d.tabToSelector(selector);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    /** Radios take arrow keys: Tab lands on the group, arrows move and select. */
    async chooseRadio(name, value) {
      await d.tabToSelector(`input[type=radio][name="${name}"]`);
      for (let i = 0; i < 60; i++) {
        const current = await page.evaluate(() => document.activeElement.value);
        if (current === value) {
          await page.keyboard.press('Space');
          return;
        }
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`could not choose ${name}=${value}`);
    },
    /** A button whose text is `text`, or starts with it when the rest is hidden context ("Take next from …"). */
    async pressButton(text, { within } = {}) {
      await d.tabTo(
        `button "${text}"`,
        ([t, w]) => {
          const el = document.activeElement;
          if (!el || !(el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')) return false;
          if (w && !el.closest(w)) return false;
          const label = el.textContent.trim();
          return label === t || label.startsWith(`${t} `);
        },
        [text, within],
      );
      await page.keyboard.press('Enter');
    },
    async followLink(text) {
      await d.tabTo(
        `link "${text}"`,
        (t) => {
          const el = document.activeElement;
          return !!el && el.tagName === 'A' && el.textContent.trim().startsWith(t);
        },
        text,
      );
      await page.keyboard.press('Enter');
    },
    text: (selector) => page.locator(selector).first().innerText({ timeout: 10000 }),
    async failed(e, label) {
      await page.screenshot({ path: path.join(SHOTS, `failure${name ? `-${name}` : ''}.png`), fullPage: true }).catch(() => {});
      console.error(`${label} FAILED at ${page.url()}: ${e.message}`);
    },
  };
  return d;
}

/**
 * Runs a journey in a browser of its own. The body calls `acting(driver)` whenever someone else
 * takes over, so that a failure is shown (and saved) on the page of whoever was acting; a
 * failure sets the exit code the test runner checks.
 */
export async function runJourney(label, body) {
  console.log(`Blue Lamp ${label.toLowerCase()} against ${baseUrl()}`);
  const begun = Date.now();
  const browser = await launch();
  let current = null;
  try {
    await body(browser, (d) => (current = d));
    console.log(`${label} passed in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (current) await current.failed(e, label);
    else console.error(`${label} FAILED:`, e);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** Reports a theft online with the fewest steps; `updates` picks the channel and its contact detail. */
export async function reportOnline(d, base, { name = 'Sam Example', channel = 'ONLINE', email = '', phone = '', frequency = 'WEEKLY' } = {}) {
  await d.page.goto(`${base}/report/danger`);
  await d.arrive('/report/danger', 'report-danger');
  await d.chooseRadio('anyoneInDanger', 'no');
  await d.pressButton('Continue');
  await d.arrive('/report/topic', 'report-topic');
  await d.chooseRadio('topic', 'POLICE');
  await d.pressButton('Continue');
  await d.arrive('/report/what-happened', 'report-what');
  await d.chooseRadio('category', 'THEFT');
  await d.typeInto('#description', 'My bicycle was taken from outside the station.');
  await d.pressButton('Continue');
  await d.arrive('/report/where', 'report-where');
  await d.typeInto('#location', 'Station Road, Anytown');
  await d.pressButton('Continue');
  await d.arrive('/report/when', 'report-when');
  const day = new Date(Date.now() - 864e5);
  await d.typeInto('#occurredOn-day', String(day.getDate()));
  await d.typeInto('#occurredOn-month', String(day.getMonth() + 1));
  await d.typeInto('#occurredOn-year', String(day.getFullYear()));
  await d.pressButton('Continue');
  await d.arrive('/report/about-you', 'report-about');
  await d.chooseRadio('giveName', 'yes');
  await d.typeInto('#name', name);
  await d.pressButton('Continue');
  await d.arrive('/report/updates', 'report-updates');
  await d.chooseRadio('updateChannel', channel);
  if (channel === 'EMAIL') await d.typeInto('#updateEmail', email);
  if (channel === 'SMS' || channel === 'PHONE') await d.typeInto('#updatePhone', phone);
  await d.chooseRadio('updateFrequency', frequency);
  await d.pressButton('Continue');
  await d.arrive('/report/check', 'report-check');
  await d.pressButton('Submit report');
  await d.arrive('/report/confirmation', 'report-confirmation');
  return { reference: (await d.text('[data-testid=reference]')).trim(), code: (await d.text('[data-testid=tracking-code]')).trim() };
}

/** Signs a member of staff in from wherever sign-in sends them next. */
export async function staffSignIn(d, base, from = '/staff/queue', username = 'handler', password = 'blue-lamp-handler') {
  await d.page.goto(`${base}${from}`);
  await d.arrive('/staff/sign-in', 'staff-sign-in');
  await d.typeInto('#username', username);
  await d.typeInto('#password', password);
  await d.pressButton('Sign in');
  await d.arrive(from, 'staff-signed-in');
}

/** A tab about the contact in the handler's workspace, by keyboard: Alt+Shift+C reaches the chosen tab, arrows move. */
export async function openContextTab(d, label) {
  await d.page.locator('[data-testid=context-tabs] [role=tab]').first().waitFor({ timeout: 15000 });
  await d.page.keyboard.press('Alt+Shift+C');
  for (let i = 0; i < 10; i++) {
    const current = await d.page.evaluate(() =>
      document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent.trim() : null,
    );
    assert(current !== null, 'Alt+Shift+C did not reach the tabs about the contact');
    if (current.startsWith(label)) return;
    await d.page.keyboard.press('ArrowRight');
  }
  throw new Error(`there is no "${label}" tab about the contact`);
}
