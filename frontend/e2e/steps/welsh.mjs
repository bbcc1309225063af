// Welsh and English (issue 16, point 2): a citizen switches to Cymraeg with the GOV.UK language
// switch, and every page after is in Welsh, says so (<html lang="cy">) and is axe-clean; the
// choice survives a reload; the errors are Welsh; a report (what it is about, and the accessible
// routes on every page, too) and a chat are made in Welsh; the handler who opens the report sees
// the citizen chose Welsh.
import { assert, log, newDriver, staffSignIn } from '../lib.mjs';

const WAIT = { timeout: 15000 };
const DESCRIPTION = 'Cafodd fy meic glas ei ddwyn o’r rac y tu allan i’r llyfrgell.';

const lang = (d) => d.page.evaluate(() => document.documentElement.lang);

async function inWelsh(d, heading) {
  await d.page.locator('h1', { hasText: heading }).waitFor(WAIT);
  assert((await lang(d)) === 'cy', `"${heading}" is not marked lang="cy"`);
}

async function switchToWelsh(citizen, base) {
  await citizen.page.goto(`${base}/`);
  await citizen.arrive('/', 'welsh-start-english');
  assert((await lang(citizen)) === 'en', 'the start page is not in English at first');
  await citizen.followLink('Newid yr iaith i’r Gymraeg');
  await inWelsh(citizen, 'Cysylltu â’r heddlu pan nad yw’n argyfwng');
  await citizen.checkPage('welsh-start');
  assert((await citizen.text('[data-testid=language-select] [aria-current]')) === 'Cymraeg', 'the switch does not say Cymraeg is chosen');
  await citizen.page.reload();
  await citizen.arrive('/', 'welsh-start-reloaded');
  await inWelsh(citizen, 'Cysylltu â’r heddlu pan nad yw’n argyfwng');
  log('the language switch turns the pages Welsh (lang="cy"), and a reload keeps them Welsh');
}

async function reportInWelsh(citizen) {
  await citizen.followLink('Rhoi gwybod ar-lein');
  await citizen.arrive('/report/danger', 'welsh-danger');
  await inWelsh(citizen, 'A oes unrhyw un mewn perygl uniongyrchol');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/topic', 'welsh-topic');
  await inWelsh(citizen, 'Am beth mae’r adroddiad?');
  assert(
    (await citizen.text('[data-testid=accessible-routes] summary')).includes('Iaith Arwyddion Prydain'),
    'the accessible routes are not in Welsh',
  );
  await citizen.chooseRadio('topic', 'POLICE');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/what-happened', 'welsh-what');
  await citizen.pressButton('Parhau');
  await citizen.page.locator('.govuk-error-summary', { hasText: 'Mae problem wedi codi' }).waitFor(WAIT);
  assert((await citizen.text('.govuk-error-summary')).includes('Dewiswch am beth rydych yn rhoi gwybod'), 'the category error is not in Welsh');
  assert((await citizen.page.title()).startsWith('Gwall: '), 'the title of a page with errors does not start "Gwall:"');
  await citizen.checkPage('welsh-what-errors');
  await citizen.chooseRadio('category', 'THEFT');
  await citizen.typeInto('#description', DESCRIPTION);
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/where', 'welsh-where');
  await citizen.typeInto('#location', 'Stryd Fawr, Aberystwyth');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/when', 'welsh-when');
  const day = new Date(Date.now() - 864e5);
  await citizen.typeInto('#occurredOn-day', String(day.getDate()));
  await citizen.typeInto('#occurredOn-month', String(day.getMonth() + 1));
  await citizen.typeInto('#occurredOn-year', String(day.getFullYear()));
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/about-you', 'welsh-about');
  await citizen.chooseRadio('giveName', 'yes');
  await citizen.typeInto('#name', 'Siân Jones');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/updates', 'welsh-updates');
  assert((await citizen.text('[data-testid=updates-language]')).includes('yn Gymraeg'), 'the updates page does not say updates will be in Welsh');
  await citizen.chooseRadio('updateChannel', 'ONLINE');
  await citizen.chooseRadio('updateFrequency', 'WEEKLY');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/report/check', 'welsh-check');
  await inWelsh(citizen, 'Gwiriwch eich atebion');
  await citizen.pressButton('Anfon yr adroddiad');
  await citizen.arrive('/report/confirmation', 'welsh-confirmation');
  await inWelsh(citizen, 'Adroddiad wedi’i anfon');
  const reference = (await citizen.text('[data-testid=reference]')).trim();
  log(`a report made in Welsh, errors and all: ${reference}`);
  return reference;
}

async function chatInWelsh(citizen, base) {
  await citizen.page.goto(`${base}/chat`);
  await citizen.arrive('/chat', 'welsh-chat-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Parhau');
  await citizen.arrive('/chat/details', 'welsh-chat-details');
  await inWelsh(citizen, 'Dechrau sgwrs fyw');
  await citizen.typeInto('#topic', 'Cwestiwn am fy adroddiad');
  await citizen.pressButton('Dechrau sgwrs');
  await citizen.arrive('/chat/live', 'welsh-chat-waiting');
  await inWelsh(citizen, 'Sgwrs fyw');
  await citizen.page.locator('[data-testid=queue-position]', { hasText: /ciw/ }).waitFor(WAIT);
  await citizen.pressButton('Gorffen y sgwrs');
  await citizen.page.locator('[data-testid=chat-ended]', { hasText: 'Mae’r sgwrs hon wedi dod i ben' }).waitFor(WAIT);
  await citizen.checkPage('welsh-chat-ended');
  log('a live chat started, waited and ended in Welsh');
}

async function handlerSeesWelsh(handler, base, reference) {
  await staffSignIn(handler, base, '/staff/queue');
  assert((await lang(handler)) === 'en', 'the staff pages are not in English');
  const link = handler.page.locator('table a', { hasText: reference }).first();
  await link.waitFor(WAIT);
  await handler.page.goto(`${base}${await link.getAttribute('href')}`);
  await handler.page.locator('[data-testid=contact-language]', { hasText: 'Welsh' }).waitFor(WAIT);
  await handler.checkPage('welsh-contact-for-handler');
  log(`the handler opening ${reference} sees the citizen chose Welsh`);
}

export async function welshJourney(browser, acting, base) {
  const citizen = acting(await newDriver(browser, 'welsh-citizen'));
  await switchToWelsh(citizen, base);
  const reference = await reportInWelsh(citizen);
  await chatInWelsh(citizen, base);
  const handler = acting(await newDriver(browser, 'welsh-handler'));
  await handlerSeesWelsh(handler, base, reference);
}
