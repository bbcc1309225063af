import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { openStomp, parse } from '../../lib/stomp';
import { CONTACT_KINDS, getMyContacts, type QueueItem } from '../api';
import { staffConnectHeaders } from '../Console';
import { applyMine, formatWait } from '../queueState';
import { useMe } from '../StaffPages';

const time = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' });

/** Unread counts and waits for the handler's own contacts, kept live; the open one counts as read. */
export function useMyContacts(current: string) {
  const me = useMe();
  const username = useRef(me?.username ?? '');
  const [mine, setMine] = useState<QueueItem[] | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // The contact just taken: its push went out before this page listened, and the list read
  // here may not have it yet, so the console's answer stands in until the server's list does.
  const taken = (useLocation().state as { taken?: QueueItem } | null)?.taken;
  useEffect(() => {
    const reload = () => getMyContacts().then(setMine, () => {});
    reload();
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    const client = openStomp({
      connectHeaders: staffConnectHeaders,
      onConnect: (stomp) => {
        stomp.subscribe('/topic/queues', (m) => {
          const item = parse<QueueItem>(m);
          if (item) setMine((ms) => ms && applyMine(ms, item, username.current));
        });
        // A citizen wrote in one of this handler's chats: its count comes from the server.
        stomp.subscribe('/user/queue/contact-events', (m) => {
          if (parse<{ type: string }>(m)?.type === 'message') reload();
        });
        reload();
      },
    });
    return () => {
      clearInterval(tick);
      void client.deactivate();
    };
  }, []);
  const listed =
    mine && taken?.contactId === current && !mine.some((i) => i.contactId === current)
      ? applyMine(mine, { ...taken, state: 'ASSIGNED', handler: username.current }, username.current)
      : mine;
  // What the handler has had on screen counts as read; the server counts what is unanswered.
  for (const item of listed ?? []) {
    if (item.contactId === current || (seen.get(item.contactId) ?? 0) > item.unanswered) seen.set(item.contactId, item.unanswered);
  }
  const unread = (i: QueueItem) => (i.contactId === current ? 0 : Math.max(0, i.unanswered - (seen.get(i.contactId) ?? 0)));
  return { mine: listed?.map((i) => ({ ...i, unread: unread(i), waitingSince: i.contactId === current ? null : i.waitingSince })) ?? null, now };
}

/** Per contact, how many of its unanswered messages the handler has seen, for this tab's life. */
const seen = new Map<string, number>();
/** Signing out: the next person at this browser has seen nothing yet. */
export const forgetSeenMessages = () => seen.clear();

/** The handler's own contacts down the side of the workspace (MOJ side navigation). */
export function ContactSwitcher({ current }: { current: string }) {
  const { mine, now } = useMyContacts(current);
  return (
    <nav className="moj-side-navigation app-workspace__contacts" aria-labelledby="switcher-heading" data-testid="contact-switcher">
      <h2 className="govuk-heading-s" id="switcher-heading">
        Your contacts
      </h2>
      {mine && mine.length === 0 && <p className="govuk-body-s">You have no other open contacts.</p>}
      <ul className="moj-side-navigation__list">
        {(mine ?? []).map((item, index) => {
          const open = item.contactId === current;
          return (
            <li key={item.contactId} className={`moj-side-navigation__item${open ? ' moj-side-navigation__item--active' : ''}`}>
              <Link
                to={`/staff/contacts/${encodeURIComponent(item.contactId)}`}
                aria-current={open ? 'page' : undefined}
                aria-keyshortcuts={index < 9 ? `Alt+Shift+${index + 1}` : undefined}
                data-contact-id={item.contactId}
              >
                {CONTACT_KINDS[item.channel] ?? item.channel}
                {item.reference ? ` ${item.reference}` : ''}
                <span className="govuk-body-s app-workspace__since"> from {time.format(new Date(item.queuedAt))}</span>
                {item.unread > 0 && (
                  <>
                    {' '}
                    <span className="moj-notification-badge" data-testid="unread">
                      {item.unread}
                      <span className="govuk-visually-hidden"> {item.unread === 1 ? 'new message' : 'new messages'}</span>
                    </span>
                  </>
                )}
                {item.waitingSince && (
                  <span className="govuk-body-s app-workspace__waiting">
                    {' '}
                    waiting {formatWait((now - new Date(item.waitingSince).getTime()) / 1000)} for a reply
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
