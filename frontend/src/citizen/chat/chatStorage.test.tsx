import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, mockFetch, mount, settle, type } from '../../test/harness';
import { ChatDetailsPage, ChatProvider } from './ChatPages';

afterEach(cleanup);

const STORED = 'bluelamp.chat';
const CHAT = { contactId: 'c-1', chatToken: 'secret-token', position: 2 };

const page = () =>
  mount(
    <MemoryRouter initialEntries={['/chat/details']}>
      <ChatProvider>
        <Routes>
          <Route path="/chat/details" element={<ChatDetailsPage />} />
          <Route path="/chat/live" element={<p>live</p>} />
        </Routes>
      </ChatProvider>
    </MemoryRouter>,
  );

describe("a chat kept in the tab's session storage", () => {
  it('is stored when it starts, so a reload of the tab finds it', async () => {
    mockFetch((path) => (path === '/api/v1/chats' ? [201, CHAT] : [404]));
    const p = await page();
    await type(p.querySelector('#topic'), 'A stolen bike');
    await click(button(p, 'Start chat'));
    await settle();
    expect(JSON.parse(sessionStorage.getItem(STORED) ?? 'null')).toEqual(CHAT);
  });

  it('is forgotten and ended at once by quick exit', async () => {
    sessionStorage.setItem(STORED, JSON.stringify(CHAT));
    const calls = mockFetch(() => [204]);
    await page();
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    document.body.appendChild(overlay);
    await settle();
    expect(sessionStorage.getItem(STORED)).toBeNull();
    const end = calls.find((c) => c.path === '/api/v1/chats/c-1/end');
    expect(end?.method).toBe('POST');
    expect(end?.headers['x-chat-token']).toBe('secret-token');
  });
});
