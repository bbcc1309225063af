import type { Channel, Stats } from './api';
import { CHANNEL_NAMES } from './api';
import { formatWait } from './queueState';

const W = 640;
const H = 260;
const PAD = { left: 56, right: 12, top: 12, bottom: 32 };
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * Drawn as plain SVG: the CSP forbids inline style, and a charting library would bring
 * a canvas nobody can read. Colours come from classes; the table below carries the data.
 */
export function WaitChart({ data, channels }: { data: Stats['waitsByHour']; channels: Channel[] }) {
  const max = Math.max(60, ...data.map((d) => d.averageWaitSeconds));
  const x = (h: number) => PAD.left + (h / 23) * (W - PAD.left - PAD.right);
  const y = (s: number) => H - PAD.bottom - (s / max) * (H - PAD.top - PAD.bottom);
  const value = (c: Channel, h: number) => data.find((d) => d.channel === c && d.hour === h);
  return (
    <section aria-labelledby="waits-heading">
      <h2 className="govuk-heading-m" id="waits-heading">
        Average wait by hour today
      </h2>
      <ul className="govuk-list app-chart-legend" aria-hidden="true">
        {channels.map((c) => (
          <li key={c}>
            <svg width="24" height="10" focusable="false">
              <line x1="0" y1="5" x2="24" y2="5" className={`app-chart-line app-chart-line--${c.toLowerCase()}`} />
            </svg>{' '}
            {CHANNEL_NAMES[c] ?? c}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} className="app-chart" role="img" aria-labelledby="waits-title" focusable="false">
        <title id="waits-title">Line chart of average wait by hour for each queue; the same figures are in the table below.</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="app-chart-grid" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="app-chart-text">
              {formatWait(max * f)}
            </text>
          </g>
        ))}
        {[0, 6, 12, 18, 23].map((h) => (
          <text key={h} x={x(h)} y={H - 10} textAnchor={h === 23 ? 'end' : 'middle'} className="app-chart-text">
            {hourLabel(h)}
          </text>
        ))}
        {channels.map((c) => {
          const points = HOURS.filter((h) => value(c, h)).map((h) => `${x(h)},${y(value(c, h)!.averageWaitSeconds)}`);
          return points.length ? (
            <polyline key={c} points={points.join(' ')} className={`app-chart-line app-chart-line--${c.toLowerCase()}`} />
          ) : null;
        })}
      </svg>
      <table className="govuk-table" data-testid="waits-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Average wait and contacts answered, by hour</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Hour
            </th>
            {channels.map((c) => (
              <th scope="col" className="govuk-table__header" key={c}>
                {CHANNEL_NAMES[c] ?? c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {HOURS.filter((h) => data.some((d) => d.hour === h)).map((h) => (
            <tr className="govuk-table__row" key={h}>
              <th scope="row" className="govuk-table__header">
                {hourLabel(h)}
              </th>
              {channels.map((c) => {
                const v = value(c, h);
                return (
                  <td className="govuk-table__cell" key={c}>
                    {v ? `${formatWait(v.averageWaitSeconds)} (${v.answered} answered)` : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
