import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, type ChartConfiguration } from 'chart.js';
import { CHANNEL_NAMES, type Channel } from '../api';
import { formatWait } from '../queueState';
import { HOURS, hourLabel, waitLineOptions } from '../waitChartData';
import type { WhatIfHour } from './api';
import { hourSeries } from './whatIfChartData';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

// The day solid blue, the plan dashed purple, as the legend draws them: they differ without colour too.
const DAY = { colour: '#1d70b8', dash: [] as number[] };
const PLAN = { colour: '#54319f', dash: [12, 3, 2, 3] };

function config(hours: WhatIfHour[], channel: Channel): ChartConfiguration<'line', (number | null)[], string> {
  const series = hourSeries(hours, channel);
  const line = (label: string, data: (number | null)[], look: typeof DAY) => ({
    label,
    data,
    borderColor: look.colour,
    backgroundColor: look.colour,
    borderDash: look.dash,
    borderWidth: 3,
    pointRadius: 4,
    spanGaps: false,
  });
  return {
    type: 'line',
    data: { labels: HOURS.map(hourLabel), datasets: [line('On the day', series.actual, DAY), line('With your plan', series.scenario, PLAN)] },
    options: waitLineOptions(formatWait),
  };
}

const cell = (f: WhatIfHour['actual']) => `${formatWait(f.averageSpeedOfAnswerSeconds)} (${f.abandoned} abandoned)`;

/** One channel's waits by hour, on the day and with the plan: a chart, and the table with the same figures. */
export function WhatIfChart({ hours, channel }: { hours: WhatIfHour[]; channel: Channel }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const name = CHANNEL_NAMES[channel] ?? channel;
  const rows = hours.filter((h) => h.channel === channel);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config(hours, channel));
    return () => chart.destroy();
  }, [hours, channel]);
  return (
    <section aria-labelledby="whatif-hours-heading">
      <h3 className="govuk-heading-s" id="whatif-hours-heading">
        {name}: average speed of answer by hour
      </h3>
      <ul className="govuk-list app-chart-legend" aria-hidden="true">
        <li>
          <svg width="24" height="10" focusable="false">
            <line x1="0" y1="5" x2="24" y2="5" className="app-chart-line app-chart-line--web" />
          </svg>{' '}
          On the day
        </li>
        <li>
          <svg width="24" height="10" focusable="false">
            <line x1="0" y1="5" x2="24" y2="5" className="app-chart-line app-chart-line--callback" />
          </svg>{' '}
          With your plan
        </li>
      </ul>
      <div className="app-chart">
        <canvas
          ref={canvas}
          role="img"
          data-testid="whatif-chart"
          aria-label={`Line chart of the average speed of answer by hour for ${name}, on the day and with your plan; the same figures are in the table below.`}
        >
          The average speed of answer by hour is in the table below.
        </canvas>
      </div>
      <table className="govuk-table" data-testid="whatif-hours">
        <caption className="govuk-table__caption govuk-table__caption--s">{name}: average speed of answer and contacts abandoned, by hour</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Hour', 'On the day', 'With your plan'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((h) => (
            <tr className="govuk-table__row" key={h.hour}>
              <th scope="row" className="govuk-table__header">
                {hourLabel(h.hour)}
              </th>
              <td className="govuk-table__cell">{cell(h.actual)}</td>
              <td className="govuk-table__cell">{cell(h.scenario)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
