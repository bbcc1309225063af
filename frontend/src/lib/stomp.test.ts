import type { IMessage } from '@stomp/stompjs';
import { describe, expect, it } from 'vitest';
import { isAccessEnded, parse } from './stomp';

const frame = (body: string) => ({ body }) as IMessage;

describe('STOMP frames', () => {
  it('tells the access-ended notice apart from a payload, so no page mistakes it for a queue item or an offer', () => {
    const notice = frame('{"type":"access-ended"}');
    expect(isAccessEnded(notice)).toBe(true);
    expect(parse(notice)).toBeUndefined();

    const item = frame('{"contactId":"c-1","state":"WAITING"}');
    expect(isAccessEnded(item)).toBe(false);
    expect(parse<{ contactId: string }>(item)?.contactId).toBe('c-1');
    expect(parse(frame('not json'))).toBeUndefined();
    expect(isAccessEnded(frame('not json'))).toBe(false);
  });
});
