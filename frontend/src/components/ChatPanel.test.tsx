import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, mount, type } from '../test/harness';
import { ChatPanel } from './ChatPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(cleanup);

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

describe('chat panel', () => {
  it('shows a message full of markup as text, in a polite live log, with unsent ones marked', async () => {
    const transcript = {
      messages: [{ seq: 1, author: 'CITIZEN' as const, authorName: 'Alex', text: XSS, at: '2026-11-26T10:00:00Z' }],
      pending: [{ clientMessageId: 'p1', text: 'On its way' }],
    };
    const container = await mount(<ChatPanel transcript={transcript} me="HANDLER" otherName="Citizen" onSend={() => {}} />);
    const log = container.querySelector('[role=log]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toContain(XSS);
    expect(log.querySelector('img, script')).toBeNull();
    expect(log.textContent).toContain('Alex');
    expect(log.textContent).toContain('sending…');
  });

  it('sends the trimmed text and refuses an empty message', async () => {
    const onSend = vi.fn();
    const container = await mount(<ChatPanel transcript={{ messages: [], pending: [] }} me="CITIZEN" otherName="Handler" onSend={onSend} />);
    const button = container.querySelector('button')!;
    await act(async () => button.click());
    expect(container.querySelector('#message-error')?.textContent).toContain('Enter a message');
    const box = container.querySelector('textarea')!;
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      set.call(box, '  hello  ');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button.click());
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(box.value).toBe('');
  });

  it('sends with Enter, and starts a new line with Shift and Enter', async () => {
    const onSend = vi.fn();
    const container = await mount(<ChatPanel transcript={{ messages: [], pending: [] }} me="HANDLER" otherName="Citizen" onSend={onSend} />);
    const box = container.querySelector('textarea')!;
    const press = (shiftKey: boolean) =>
      act(async () => {
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, cancelable: true }));
      });
    await type(box, 'first line');
    await press(true);
    expect(onSend).not.toHaveBeenCalled();
    await press(false);
    expect(onSend).toHaveBeenCalledWith('first line');
    expect(box.value).toBe('');
  });
});
