import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatPanel } from '../../components/ChatPanel';
import { axeViolations, cleanup, mockFetch, mount, settle, type } from '../../test/harness';
import { CannedResponsePicker } from './CannedResponsePicker';
import { fillPlaceholders, handlerNameForCitizens } from './placeholders';

afterEach(cleanup);

describe('canned response placeholders', () => {
  const text = 'Hello {citizenName}, I am {handlerName}. Your reference is {reference}.';

  it('fills in the name, the handler and the reference', () => {
    const handlerName = handlerNameForCitizens({ username: 'handler' });
    expect(fillPlaceholders(text, { citizenName: ' Sam ', handlerName, reference: 'BL-2026-000012' })).toEqual({
      text: 'Hello Sam, I am handler. Your reference is BL-2026-000012.',
      unfilled: [],
    });
  });

  it('leaves a missing name out so the sentence still reads, and keeps a missing reference to be replaced', () => {
    expect(fillPlaceholders(text, { citizenName: '', handlerName: 'handler', reference: null })).toEqual({
      text: 'Hello, I am handler. Your reference is {reference}.',
      unfilled: ['{reference}'],
    });
    expect(fillPlaceholders('{citizenName}, thanks for waiting.\nThank you {citizenName}.', { handlerName: 'h' }).text).toBe(
      'Thanks for waiting.\nThank you.',
    );
  });

  it('fills every occurrence and nothing that is not a placeholder', () => {
    expect(fillPlaceholders('{citizenName} {citizenName} {other}', { citizenName: 'Sam', handlerName: 'h' }).text).toBe('Sam Sam {other}');
  });
});

describe('adding a canned response to a chat message by keyboard', () => {
  const key = (el: Element, init: KeyboardEventInit) =>
    act(async () => void el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

  async function composer() {
    mockFetch((path) =>
      path === '/api/v1/staff/canned-responses'
        ? [200, [{ id: 'r1', title: 'Greeting', text: 'Hello {citizenName}, your reference is {reference}.', changedAt: '2026-12-01T09:00:00Z' }]]
        : [404],
    );
    const onSend = vi.fn();
    const page = await mount(
      <ChatPanel
        transcript={{ messages: [], pending: [] }}
        me="HANDLER"
        otherName="Sam"
        onSend={onSend}
        tools={(c) => <CannedResponsePicker composer={c} values={{ citizenName: 'Sam', reference: null }} />}
      />,
    );
    await settle();
    return { page, onSend, box: page.querySelector('textarea')!, select: () => page.querySelector('select')! };
  }

  it('Alt and / moves to the list, Enter puts the filled text in the message box to check, and Enter there sends it', async () => {
    const { page, onSend, box, select } = await composer();
    await type(box, 'Hi. ');
    box.focus();
    box.setSelectionRange(4, 4);
    await key(box, { key: '÷', code: 'Slash', altKey: true });
    expect(document.activeElement).toBe(select());

    await key(select(), { key: 'Enter' });
    expect(page.querySelector('#canned-response-error')?.textContent).toContain('Choose a canned response');
    await type(select(), 'r1');
    await key(select(), { key: 'Enter' });

    expect(box.value).toBe('Hi. Hello Sam, your reference is {reference}.');
    expect(document.activeElement).toBe(box);
    expect(onSend).not.toHaveBeenCalled();
    expect(page.querySelector('[role=status]')?.textContent).toContain('Replace {reference} in your message');
    expect(await axeViolations(page)).toEqual([]);

    await key(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hi. Hello Sam, your reference is {reference}.');
  });

  it('Escape goes back to the message box with nothing added', async () => {
    const { box, select } = await composer();
    await key(box, { key: '/', code: 'Slash', altKey: true });
    await type(select(), 'r1');
    await key(select(), { key: 'Escape' });
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('');
  });
});
