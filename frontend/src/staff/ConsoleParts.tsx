import { Link } from 'react-router-dom';
import { formatDateTime } from '../lib/http';
import { CHANNEL_NAMES, GRADES, type Queue, type QueueItem, type ScreenPop } from './api';
import { formatWait, isOverTarget, waitedSeconds } from './queueState';

const contactLink = (i: QueueItem) => `/staff/contacts/${encodeURIComponent(i.contactId)}`;
const label = (i: QueueItem) => i.reference || `Contact ${i.contactId.slice(0, 8)}`;
// Only what a handler needs to choose: the citizen's words are read by opening the contact (logged).
const about = (i: QueueItem) =>
  [i.categoryLabel, i.grade && `${GRADES.find((g) => g.value === i.grade)?.label ?? i.grade} grade`].filter(Boolean).join(', ');

interface QueueProps {
  queue: Queue;
  now: number;
  onTake: (item: QueueItem) => void;
  onTakeNext: () => void;
}

export function QueueTable({ queue, now, onTake, onTakeNext }: QueueProps) {
  const name = CHANNEL_NAMES[queue.channel] ?? queue.channel;
  const headingId = `queue-${queue.channel}`;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <div className="app-staff-bar">
        <h2 className="govuk-heading-m" id={headingId}>
          {name}{' '}
          <span className="govuk-caption-m app-inline">
            {queue.items.length} waiting, target {formatWait(queue.targetSeconds)}
          </span>
        </h2>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
          disabled={!queue.items.length}
          onClick={onTakeNext}
        >
          Take next<span className="govuk-visually-hidden"> from {name}</span>
        </button>
      </div>
      {queue.items.length === 0 ? (
        <p className="govuk-body">No one is waiting.</p>
      ) : (
        <table className="govuk-table" data-channel={queue.channel}>
          <caption className="govuk-visually-hidden">{name}, in the order to answer them</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Contact', 'About', 'Waiting', 'Action'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {queue.items.map((i) => (
              <tr className="govuk-table__row" key={i.contactId} data-contact-id={i.contactId}>
                <td className="govuk-table__cell app-nowrap">
                  <Link className="govuk-link" to={contactLink(i)}>
                    {label(i)}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {about(i)} {/* Offers and "take next" give it only to handlers with the skill; Take by hand is still open. */}
                  {i.neededSkillLabel && <strong className="govuk-tag govuk-tag--purple">Needs: {i.neededSkillLabel}</strong>}
                </td>
                <td className="govuk-table__cell app-nowrap">
                  {/* A call-back waits for its window: until then it is due, not waiting. */}
                  {waitedSeconds(i, now) < 0 ? (
                    <>
                      Due <time dateTime={i.queuedAt}>{formatDateTime(i.queuedAt)}</time>
                    </>
                  ) : (
                    <time dateTime={i.queuedAt}>{formatWait(waitedSeconds(i, now))}</time>
                  )}{' '}
                  {isOverTarget(i, queue.targetSeconds, now) && <strong className="govuk-tag govuk-tag--red">Over target</strong>}
                </td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => onTake(i)}>
                    Take<span className="govuk-visually-hidden"> {label(i)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function MyContacts({ items }: { items: QueueItem[] }) {
  return (
    <section aria-labelledby="my-contacts">
      <h2 className="govuk-heading-m" id="my-contacts">
        My contacts
      </h2>
      {items.length === 0 ? (
        <p className="govuk-body">You have no open contacts.</p>
      ) : (
        <ul className="govuk-list">
          {items.map((i) => (
            <li key={i.contactId}>
              <Link className="govuk-link" to={contactLink(i)}>
                {CHANNEL_NAMES[i.channel] ?? i.channel}: {label(i)}
              </Link>{' '}
              {about(i) && <span className="govuk-body-s">– {about(i)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OfferBanner({ item, onDismiss }: { item: QueueItem; onDismiss: () => void }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="offer-title" data-testid="offer">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="offer-title">
          New contact
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          A {item.channel === 'CHAT' ? 'chat' : 'contact'} was offered to you.{' '}
          <Link className="govuk-notification-banner__link" to={contactLink(item)} onClick={onDismiss}>
            Open it
          </Link>
        </p>
      </div>
    </div>
  );
}

export function ScreenPopPanel({ pop, onDismiss }: { pop: ScreenPop; onDismiss: () => void }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="pop-title" data-testid="screen-pop">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="pop-title">
          Call answered
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{pop.withheld || !pop.from ? 'Number withheld' : pop.from}</p>
        <h3 className="govuk-heading-s">Previous contacts</h3>
        {pop.previousContacts.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {pop.previousContacts.map((c) => (
              <li key={c.contactId}>
                {formatDateTime(c.at)}, {CHANNEL_NAMES[c.channel as keyof typeof CHANNEL_NAMES] ?? c.channel}
                {c.reference && `, ${c.reference}`}
                {c.summary && `: ${c.summary}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">None.</p>
        )}
        <h3 className="govuk-heading-s">Cases</h3>
        {pop.cases.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {pop.cases.map((c) => (
              <li key={c.reference}>
                {c.reference}: {c.category}, {c.status}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">None.</p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/contacts/${encodeURIComponent(pop.contactId)}`} onClick={onDismiss}>
            Open this call
          </Link>
        </p>
      </div>
    </div>
  );
}
