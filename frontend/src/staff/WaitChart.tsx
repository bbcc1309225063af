import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, type ChartConfiguration } from 'chart.js';
import type { Channel, Stats } from './api';
import { CHANNEL_NAMES } from './api';
import { formatWait } from './queueState';
import { HOURS, hourLabel, waitLineOptions, waitSeries } from './waitChartData';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

// GOV.UK Frontend's palette, as the legend's classes in styles.scss draw it; dashes too, so the
// lines differ without colour.
const LOOK: Record<string, { colour: string; dash: number[] }> = {
  WEB: { colour: '#1d70b8', dash: [] },
  CHAT: { colour: '#0f7a52', dash: [8, 4] },
  PHONE: { colour: '#ca3535', dash: [2, 3] },
  CALLBACK: { colour: '#54319f', dash: [12, 3, 2, 3] },
};
const TEXT = '#0b0c0c';

type LineChart = Chart<'line', (number | null)[], string>;

function config(data: Stats['waitsByHour'], channels: Channel[]): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: HOURS.map(hourLabel),
      datasets: waitSeries(data, channels).map(({ channel, values }) => ({
        label: CHANNEL_NAMES[channel] ?? channel,
        data: values,
        borderColor: LOOK[channel]?.colour ?? TEXT,
        backgroundColor: LOOK[channel]?.colour ?? TEXT,
        borderDash: LOOK[channel]?.dash ?? [],
        borderWidth: 3,
        // Points always: an hour with figures between two without is a point, not nothing.
        pointRadius: 4,
        spanGaps: false,
      })),
    },
    options: waitLineOptions(formatWait),
  };
}

/**
 * A Chart.js line chart (drawn through the canvas API, which the CSP allows where inline style
 * is refused) with the table beside it carrying the same figures for everyone who cannot see it.
 */
export function WaitChart({ data, channels }: { data: Stats['waitsByHour']; channels: Channel[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<LineChart | null>(null);
  const any = data.length > 0;
  useEffect(() => {
    if (!any || !canvas.current) return;
    chart.current = new Chart(canvas.current, config([], []));
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [any]);
  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = config(data, channels).data;
    chart.current.update();
  }, [data, channels, any]);
  return (
    <section aria-labelledby="waits-heading">
      <h2 className="govuk-heading-m" id="waits-heading">
        Average wait by hour today
      </h2>
      {!any && <p className="govuk-body">No contacts have been answered today.</p>}
      {any && (
        <>
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
          <div className="app-chart">
            <canvas
              ref={canvas}
              role="img"
              data-testid="waits-chart"
              aria-label="Line chart of average wait by hour for each queue; the same figures are in the table below."
            >
              The average wait by hour for each queue is in the table below.
            </canvas>
          </div>
        </>
      )}
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
                const v = data.find((d) => d.channel === c && d.hour === h);
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
