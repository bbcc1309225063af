import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, mockFetch, mount, type, type Call } from '../../test/harness';
import { ChatTranscriptForm } from './ChatTranscriptForm';

afterEach(cleanup);

const CHAT = { contactId: 'c-7', chatToken: 'secret-token', position: 1 };
const asked = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/chats/c-7/transcript');

describe('emailing a copy of the chat', () => {
  it('asks for an address in the right form before sending anything', async () => {
    const calls = mockFetch(() => [202]);
    const page = await mount(<ChatTranscriptForm chat={CHAT} />);
    await click(button(page, 'Send me a copy'));
    expect(page.querySelector('.govuk-error-summary')!.textContent).toContain('Enter your email address');
    await type(page.querySelector('#email'), 'sam at example');
    await click(button(page, 'Send me a copy'));
    expect(page.querySelector('#email-error')!.textContent).toContain('Enter an email address in the correct format');
    expect(asked(calls)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sends the address with the chat token and confirms where the copy goes', async () => {
    const calls = mockFetch(() => [202]);
    const page = await mount(<ChatTranscriptForm chat={CHAT} />);
    await type(page.querySelector('#email'), '  sam@example.com ');
    await click(button(page, 'Send me a copy'));
    const [call] = asked(calls);
    expect(call.body).toEqual({ email: 'sam@example.com' });
    expect(call.headers['x-chat-token']).toBe('secret-token');
    expect(page.querySelector('[data-testid=transcript-sent]')!.textContent).toContain(
      'We will email a copy of this conversation to sam@example.com',
    );
    expect((page.querySelector('#email') as HTMLInputElement).value).toBe('');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the server's reason when no more copies can be sent", async () => {
    mockFetch((path) =>
      path === '/api/v1/chats/c-7/transcript'
        ? [409, { title: 'Not possible now', detail: 'A copy of this conversation has been sent 3 times already. No more copies can be sent' }]
        : [200, {}],
    );
    const page = await mount(<ChatTranscriptForm chat={CHAT} />);
    await type(page.querySelector('#email'), 'sam@example.com');
    await click(button(page, 'Send me a copy'));
    expect(page.querySelector('.govuk-error-summary')!.textContent).toContain('3 times already');
    expect(page.querySelector('[data-testid=transcript-sent]')).toBeNull();
  });
});
