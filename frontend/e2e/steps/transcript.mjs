// The citizen of an ended chat asks for a copy of it by email, keyboard only: a wrong address
// is refused on the page, a right one is confirmed (GOV.UK Notify sends it a moment later).
import { log } from '../lib.mjs';

const WAIT = { timeout: 15000 };

export async function citizenEmailsTranscript(citizen, address = 'alex@example.com') {
  const { page } = citizen;
  await citizen.tabTo('"Email me a copy of this conversation"', () => document.activeElement?.matches('[data-testid=transcript] summary') ?? false);
  await page.keyboard.press('Enter');
  await citizen.typeInto('#email', 'alex at example');
  await citizen.pressButton('Send me a copy');
  await page
    .locator('.govuk-error-summary', { hasText: 'Enter an email address in the correct format' })
    .waitFor(WAIT)
    .catch(() => {
      throw new Error('a wrong email address was not refused on the page');
    });
  await citizen.checkPage('chat-transcript-error');
  await citizen.typeInto('#email', address);
  await citizen.pressButton('Send me a copy');
  await page
    .locator('[data-testid=transcript-sent]', { hasText: address })
    .waitFor(WAIT)
    .catch(() => {
      throw new Error('the citizen was not told the copy of the chat is on its way');
    });
  await citizen.checkPage('chat-transcript-sent');
  log(`the citizen asked for a copy of the ended chat by email to ${address}`);
}
