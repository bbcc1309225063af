// The handler's workspace (issue 14, point 5): at 1280 by 800 the handler's contacts, the
// conversation and the contact's context are all on screen without scrolling; a citizen writing
// in a chat not open shows as unread; keyboard shortcuts move between chats, and each chat keeps
// what was typed in it; the contact's history is a tab beside the conversation.
import { assert, log, newDriver, openContextTab } from '../lib.mjs';

const WAIT = { timeout: 15000 };
const DRAFT = 'Half a reply, kept while I look at the other chat';

/** Everything the handler works with, measured on the screen as it is. */
async function onScreen(handler) {
  return handler.page.evaluate(() =>
    ['[data-testid=contact-switcher]', '.app-chat-log', '#message', '[data-testid=context-tabs] [role=tablist]', '[data-testid=workspace]'].map(
      (selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return { selector, bottom: box?.bottom, right: box?.right, width: box?.width };
      },
    ),
  );
}

async function secondChat(browser, base) {
  const citizen = await newDriver(browser, 'second-citizen');
  await citizen.page.goto(`${base}/chat`);
  await citizen.arrive('/chat', 'second-chat-danger');
  await citizen.chooseRadio('anyoneInDanger', 'no');
  await citizen.pressButton('Continue');
  await citizen.arrive('/chat/details', 'second-chat-details');
  await citizen.typeInto('#topic', `A second matter (${Date.now()})`);
  const started = citizen.page.waitForResponse((r) => r.url().endsWith('/api/v1/chats') && r.request().method() === 'POST');
  await citizen.pressButton('Start chat');
  const contactId = (await (await started).json()).contactId;
  await citizen.arrive('/chat/live', 'second-chat-waiting');
  return { citizen, contactId };
}

const unread = (handler, contactId) => handler.page.locator(`[data-testid=contact-switcher] a[data-contact-id="${contactId}"] [data-testid=unread]`);

async function openByShortcut(handler, contactId) {
  const ids = await handler.page.$$eval('[data-testid=contact-switcher] a[data-contact-id]', (links) => links.map((a) => a.dataset.contactId));
  const index = ids.indexOf(contactId);
  assert(index >= 0 && index < 9, `chat ${contactId} is not among the first nine of the handler's contacts: ${ids}`);
  await handler.page.keyboard.press(`Alt+Shift+Digit${index + 1}`);
  await handler.page.waitForURL(`**/staff/contacts/${contactId}`, WAIT);
  // The address changes before the page does: wait for this chat's own workspace.
  await handler.page.locator(`[data-testid=contact-switcher] a[aria-current=page][data-contact-id="${contactId}"]`).waitFor(WAIT);
  await handler.page.locator('#message').waitFor(WAIT);
}

/** `first` is the chat the handler is working, with `citizen` in it. */
export async function handlerWorkspace({ browser, acting, base, handler, citizen, first }) {
  acting(handler);
  await handler.page.setViewportSize({ width: 1280, height: 800 });
  await handler.page.evaluate(() => window.scrollTo(0, 0));
  for (const { selector, bottom, right, width } of await onScreen(handler)) {
    assert(bottom !== undefined && width > 0, `the workspace has no ${selector}`);
    assert(bottom <= 800 && right <= 1280, `${selector} is off a 1280 by 800 screen (bottom ${bottom}, right ${right})`);
  }
  await handler.checkPage('workspace-desktop');
  log('at 1280 by 800 the contacts, the conversation and the tabs about the contact are all on screen');

  const second = await secondChat(browser, base);
  acting(handler);
  await handler.page.goto(`${base}/staff/queue`);
  await handler.arrive('/staff/queue', 'console-second-chat');
  const row = `table[data-channel=CHAT] tr[data-contact-id="${second.contactId}"]`;
  await handler.page.locator(row).waitFor(WAIT);
  await handler.pressButton('Take', { within: row });
  await handler.arrive(`/staff/contacts/${second.contactId}`, 'workspace-second-chat');
  await handler.page.locator(`[data-testid=contact-switcher] a[aria-current=page][data-contact-id="${second.contactId}"]`).waitFor(WAIT);
  await handler.typeInto('#message', DRAFT);

  acting(citizen);
  await citizen.typeInto('#message', 'Are you still there?');
  await citizen.pressButton('Send');
  acting(handler);
  await unread(handler, first).waitFor(WAIT);
  const badge = (await unread(handler, first).innerText()).replace(/\s+/g, ' ').trim();
  assert(badge === '1 new message', `the first chat's unread count reads "${badge}"`);
  await handler.checkPage('workspace-unread');
  log('a message in the chat not open shows as 1 new message beside it');

  // Alt+Shift+N goes to the next chat with new messages: the first chat, or it after others.
  for (let i = 0; i < 10 && !handler.page.url().endsWith(first); i++) {
    const from = handler.page.url();
    await handler.page.keyboard.press('Alt+Shift+N');
    await handler.page.waitForURL((url) => url.href !== from, WAIT);
  }
  assert(handler.page.url().endsWith(first), 'Alt+Shift+N never reached the chat with the new message');
  await handler.page.locator('[role=log]', { hasText: 'Are you still there?' }).waitFor(WAIT);
  assert((await unread(handler, first).count()) === 0, 'the chat open on screen still counts its message as unread');
  await openByShortcut(handler, second.contactId);
  await handler.page
    .waitForFunction((draft) => document.querySelector('#message')?.value === draft, DRAFT, WAIT)
    .catch(async () => {
      throw new Error(`the second chat's unsent message was not kept: "${await handler.page.inputValue('#message')}"`);
    });
  await handler.page.keyboard.press('Alt+Shift+M');
  assert(await handler.page.evaluate(() => document.activeElement?.id === 'message'), 'Alt+Shift+M did not reach the message box');
  log('Alt+Shift+N opened the chat with the new message; back in the other chat, its unsent message was still there');

  await handler.pressButton('End chat');
  await handler.page.locator('[data-testid=chat-ended]').waitFor(WAIT);
  await openByShortcut(handler, first);
  await openContextTab(handler, 'History');
  await handler.page.locator('[data-testid=contact-history]').waitFor(WAIT);
  await handler.checkPage('workspace-history');
  log("the chat's history is a tab beside the conversation");

  // On a phone (320 px) the same pages are one column, with nothing off the side of the screen.
  await handler.page.setViewportSize({ width: 320, height: 700 });
  for (const [path, shot] of [
    [`/staff/contacts/${first}`, 'workspace-320'],
    ['/staff/queue', 'console-320'],
    ['/staff/cases', 'cases-320'],
  ]) {
    await handler.page.goto(`${base}${path}`);
    await handler.arrive(path, shot);
    const wide = await handler.page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= 320, `${path} is ${wide} px wide on a 320 px screen`);
  }
  await handler.page.setViewportSize({ width: 1024, height: 800 });
  await handler.page.goto(`${base}/staff/contacts/${first}`);
  await handler.arrive(`/staff/contacts/${first}`, 'workspace-back');
  await handler.page.locator('#message').waitFor(WAIT);
  log('the workspace, the console and the case list fit a 320 px screen');
}
