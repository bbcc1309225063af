import { useEffect, useMemo, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
} from 'chart.js';
import { formatWait } from '../queueState';
import type { ContactReport } from './api';
import { alongside, intervalLabels, speedOf, unanswered } from './chartData';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale);

// GOV.UK Frontend's palette, as the key's classes in styles.scss draw it.
const BLUE = '#1d70b8';
const RED = '#ca3535';
const GREY = '#b1b4b6';
const GREEN = '#0f7a52';
const TEXT = '#0b0c0c';

type Config = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

const OPTIONS: Config['options'] = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  events: [],
  plugins: { legend: { display: false }, tooltip: { enabled: false } },
};

function volumes(report: ContactReport, compare: ContactReport | null): Config {
  const labels = intervalLabels(report);
  const datasets: Config['data']['datasets'] = [
    { type: 'bar', label: 'Answered', data: report.intervals.map((i) => i.figures.answered), backgroundColor: BLUE, stack: 'now' },
    { type: 'bar', label: 'Abandoned', data: report.intervals.map((i) => i.figures.abandoned), backgroundColor: RED, stack: 'now' },
    { type: 'bar', label: 'Not answered', data: report.intervals.map(unanswered), backgroundColor: GREY, stack: 'now' },
  ];
  if (compare) {
    datasets.push({
      type: 'line',
      label: 'Offered, compared period',
      data: labels.map((_, n) => alongside(compare, n, (i) => i.figures.offered)),
      borderColor: TEXT,
      backgroundColor: TEXT,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
    });
  }
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...OPTIONS,
      scales: {
        x: { stacked: true, ticks: { color: TEXT, autoSkip: true, maxRotation: 0 } },
        y: { stacked: true, beginAtZero: true, ticks: { color: TEXT, precision: 0, maxTicksLimit: 6 } },
      },
    },
  };
}

function speeds(report: ContactReport, compare: ContactReport | null): Config {
  const labels = intervalLabels(report);
  const datasets: Config['data']['datasets'] = [
    {
      type: 'line',
      label: 'Average speed of answer',
      data: report.intervals.map(speedOf),
      borderColor: BLUE,
      backgroundColor: BLUE,
      borderWidth: 3,
      pointRadius: 3,
      spanGaps: false,
    },
    {
      type: 'line',
      label: 'Target',
      data: labels.map(() => report.targetSeconds),
      borderColor: GREEN,
      backgroundColor: GREEN,
      borderDash: [8, 4],
      borderWidth: 2,
      pointRadius: 0,
    },
  ];
  if (compare) {
    datasets.push({
      type: 'line',
      label: 'Compared period',
      data: labels.map((_, n) => alongside(compare, n, speedOf)),
      borderColor: TEXT,
      backgroundColor: TEXT,
      borderDash: [2, 3],
      borderWidth: 2,
      pointRadius: 2,
      spanGaps: false,
    });
  }
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...OPTIONS,
      scales: {
        x: { ticks: { color: TEXT, autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { color: TEXT, maxTicksLimit: 5, callback: (v) => formatWait(Number(v)) } },
      },
    },
  };
}

/** One Chart.js chart on a canvas (the CSP refuses inline style, not canvas drawing), redrawn when its figures change. */
function Canvas({ config, label, testId }: { config: Config; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="app-chart app-chart--wide">
      <canvas ref={canvas} role="img" data-testid={testId} aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}

function Key({ items }: { items: { name: string; label: string }[] }) {
  return (
    <ul className="govuk-list app-chart-legend" aria-hidden="true">
      {items.map((i) => (
        <li key={i.name}>
          <svg width="24" height="12" focusable="false">
            <rect x="0" y="1" width="24" height="10" className={`app-report-key app-report-key--${i.name}`} />
          </svg>{' '}
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The period's contacts as two charts: what happened to them, and how long they waited against
 * the target. The same figures are in the table under them, for everyone who cannot see a chart.
 */
export function ReportCharts({ report, compare }: { report: ContactReport; compare: ContactReport | null }) {
  const volumeConfig = useMemo(() => volumes(report, compare), [report, compare]);
  const speedConfig = useMemo(() => speeds(report, compare), [report, compare]);
  return (
    <>
      <h3 className="govuk-heading-s">Contacts offered</h3>
      <Key
        items={[
          { name: 'answered', label: 'Answered' },
          { name: 'abandoned', label: 'Abandoned' },
          { name: 'unanswered', label: 'Not answered' },
          ...(compare ? [{ name: 'compare', label: 'Offered in the compared period (dashed line)' }] : []),
        ]}
      />
      <Canvas
        config={volumeConfig}
        testId="volume-chart"
        label="Bar chart of contacts answered, abandoned and not answered in each interval; the same figures are in the table below."
      />
      <h3 className="govuk-heading-s">Average speed of answer</h3>
      <Key
        items={[
          { name: 'answered', label: 'Average speed of answer' },
          { name: 'target', label: `Target (${formatWait(report.targetSeconds)})` },
          ...(compare ? [{ name: 'compare', label: 'Compared period (dotted line)' }] : []),
        ]}
      />
      <Canvas
        config={speedConfig}
        testId="speed-chart"
        label="Line chart of the average speed of answer in each interval against the target; the same figures are in the table below."
      />
    </>
  );
}
