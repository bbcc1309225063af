import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, HttpError } from '../lib/http';
import { usePage } from '../lib/page';
import { openStomp } from '../lib/stomp';
import { CHANNEL_NAMES, getAvailability, getStats, type Availability, type Channel, type Stats } from './api';
import { staffConnectHeaders } from './Console';
import { formatWait } from './queueState';
import { SkillsEditor, SkillTags, useSkills } from './Staffing';
import { NEUTRAL_NAME, type Skill } from './staffing';
import { WaitChart } from './WaitChart';

export function SupervisorPage() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [handlers, setHandlers] = useState<Availability[] | null>(null);
  const [failed, setFailed] = useState<'' | 'forbidden' | 'down'>('');
  const h1 = usePage('Supervisor dashboard');
  useEffect(() => {
    const load = () => {
      getAvailability().then(setHandlers, () => {});
      return getStats().then(
        (s) => (setStats(s), setFailed('')),
        (e) => setFailed(e instanceof HttpError && e.status === 403 ? 'forbidden' : 'down'),
      );
    };
    load();
    // Live changes refresh at once; the timer keeps averages moving on a quiet day and covers a lost connection.
    const timer = setInterval(load, 30000);
    const client = openStomp({
      connectHeaders: staffConnectHeaders,
      onConnect: (stomp) => {
        stomp.subscribe('/topic/supervisor', load);
        load();
      },
    });
    return () => {
      clearInterval(timer);
      client.deactivate();
    };
  }, []);
  return (
    <>
      <Link to="/staff/queue" className="govuk-back-link">
        Back to queues
      </Link>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Supervisor dashboard
      </h1>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/staff/supervisor/reports">
            Reports over any period
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/supervisor/victims-code">
            Victims' Code ledger
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/supervisor/signposting-and-satisfaction">
            Signposting and satisfaction
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/supervisor/planning">
            Planning: forecast, staffing and plan
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/supervisor/what-if">
            What if: replay a past day with another plan
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/supervisor/canned-responses">
            Canned chat responses
          </Link>
        </li>
      </ul>
      {failed === 'forbidden' ? (
        <p className="govuk-body">You need the supervisor role to see this page.</p>
      ) : (
        <>
          {failed && <p className="govuk-error-message">The figures could not be loaded. They will load again in 30 seconds.</p>}
          {!stats ? <p className="govuk-body">Loading…</p> : <Dashboard stats={stats} />}
          {handlers && (
            <PresenceBoard
              handlers={handlers}
              onSkillsSaved={(handler, skills) => setHandlers((hs) => hs && hs.map((h) => (h.handler === handler ? { ...h, skills } : h)))}
            />
          )}
        </>
      )}
    </>
  );
}

const name = (c: Channel) => CHANNEL_NAMES[c] ?? c;
const COLUMNS = ['Queue', 'Waiting', 'Longest wait', 'Answered today', 'Abandoned today', 'Average wait', 'Average handle time', 'Target'];

function Dashboard({ stats }: { stats: Stats }) {
  return (
    <>
      <table className="govuk-table" data-testid="channel-stats">
        <caption className="govuk-table__caption govuk-table__caption--m">Queues today</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {COLUMNS.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {stats.channels.map((c) => (
            <tr className="govuk-table__row" key={c.channel}>
              <th scope="row" className="govuk-table__header">
                {name(c.channel)}
              </th>
              <td className="govuk-table__cell">{c.waiting}</td>
              <td className="govuk-table__cell">
                {formatWait(c.longestWaitSeconds)}{' '}
                {c.waiting > 0 && c.longestWaitSeconds > c.targetSeconds && <strong className="govuk-tag govuk-tag--red">Over target</strong>}
              </td>
              <td className="govuk-table__cell">{c.answeredToday}</td>
              <td className="govuk-table__cell">{c.abandonedToday}</td>
              <td className="govuk-table__cell">{formatWait(c.averageWaitSeconds)}</td>
              <td className="govuk-table__cell">{formatWait(c.averageHandleSeconds)}</td>
              <td className="govuk-table__cell">{formatWait(c.targetSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WaitChart data={stats.waitsByHour} channels={stats.channels.map((c) => c.channel)} />
    </>
  );
}

const STATUS_TAG: Record<string, string> = {
  AVAILABLE: 'govuk-tag--green',
  BUSY: 'govuk-tag--yellow',
  AWAY: 'govuk-tag--grey',
  OFFLINE: 'govuk-tag--grey',
};

/**
 * Each handler's state, since when, how many contacts they have open, and their skills: who can
 * take the next one. Staff see both the sign-in name and the name citizens are shown.
 */
function PresenceBoard({ handlers, onSkillsSaved }: { handlers: Availability[]; onSkillsSaved: (handler: string, skills: Skill[]) => void }) {
  const all = useSkills();
  return (
    <table className="govuk-table" data-testid="presence-board">
      <caption className="govuk-table__caption govuk-table__caption--m">Handlers</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Handler', 'Status', 'Since', 'Open contacts', 'Shown to citizens', 'Skills'].map((h) => (
            <th key={h} scope="col" className={`govuk-table__header${h === 'Open contacts' ? ' govuk-table__header--numeric' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {handlers.length === 0 && (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={6}>
              No handler has set their availability yet.
            </td>
          </tr>
        )}
        {[...handlers]
          .sort((a, b) => a.handler.localeCompare(b.handler))
          .map((h) => (
            <tr className="govuk-table__row" key={h.handler}>
              <th scope="row" className="govuk-table__header">
                {h.handler}
              </th>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${STATUS_TAG[h.status] ?? 'govuk-tag--grey'}`}>{h.status[0] + h.status.slice(1).toLowerCase()}</strong>
              </td>
              <td className="govuk-table__cell">{formatDateTime(h.since)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{h.activeContacts}</td>
              <td className="govuk-table__cell">
                {h.displayName ?? <span className="govuk-hint govuk-!-margin-bottom-0">{NEUTRAL_NAME} (not set)</span>}
              </td>
              <td className="govuk-table__cell" data-testid="skills">
                <SkillTags skills={h.skills} />
                <SkillsEditor handler={h} all={all} onSaved={(skills) => onSkillsSaved(h.handler, skills)} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
