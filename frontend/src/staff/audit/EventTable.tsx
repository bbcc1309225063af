import { Fragment, useState, type ReactNode } from 'react';
import { SummaryList } from '../../components/SummaryList';
import type { Entry } from './auditApi';
import { formatAuditTime, prettyJson } from './auditLogic';
import { TableHead } from './AuditParts';

const HEADERS = ['Time', 'What happened', 'Type', 'Actor', 'Channel', 'Raw event'];

/** Events as sentences, each with its stored form one button press away. */
export function EventTable({ entries, caption, testId }: { entries: Entry[]; caption: string; testId: string }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <table className="govuk-table app-event-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <TableHead headers={HEADERS} />
      <tbody className="govuk-table__body">
        {entries.map((e) => {
          const shown = open.has(e.eventId);
          const rawId = `raw-${e.eventId}`;
          return (
            <Fragment key={e.eventId}>
              <tr className="govuk-table__row" data-global-index={e.globalIndex}>
                <td className="govuk-table__cell app-nowrap">
                  <time dateTime={e.occurredAt}>{formatAuditTime(e.occurredAt)}</time>
                </td>
                <td className="govuk-table__cell">{e.sentence || e.type}</td>
                <td className="govuk-table__cell">{e.type}</td>
                <td className="govuk-table__cell">{e.actor || 'Not recorded'}</td>
                <td className="govuk-table__cell">{e.channel || 'Not recorded'}</td>
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    aria-expanded={shown}
                    aria-controls={shown ? rawId : undefined}
                    onClick={() => toggle(e.eventId)}
                  >
                    {shown ? 'Hide raw' : 'Show raw'}
                    <span className="govuk-visually-hidden"> event {e.globalIndex}</span>
                  </button>
                </td>
              </tr>
              {shown && (
                <tr className="govuk-table__row" id={rawId} data-testid="raw-event">
                  <td className="govuk-table__cell" colSpan={HEADERS.length}>
                    <RawEvent e={e} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function RawEvent({ e }: { e: Entry }) {
  const rows: [string, ReactNode][] = [
    ['Event ID', e.eventId],
    ['Aggregate ID', e.aggregateId],
    ['Sequence number', e.sequenceNumber],
    ['Correlation ID', e.correlationId ?? 'None'],
    ['Causation ID', e.causationId ?? 'None'],
    ['Global index', e.globalIndex],
    ['Chain position', e.chainPosition ?? <strong className="govuk-tag govuk-tag--red">Not in the chain</strong>],
    ['Payload', <pre className="app-json">{prettyJson(e.payload)}</pre>],
    ['Metadata', <pre className="app-json">{prettyJson(e.metaData)}</pre>],
  ];
  return <SummaryList rows={rows} wrap="break-word" className="govuk-summary-list--no-border govuk-!-margin-bottom-0" />;
}
