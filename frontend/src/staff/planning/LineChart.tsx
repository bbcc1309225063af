import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, type ChartConfiguration } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

export interface Line {
  /** The legend's class suffix, as styles.scss draws it (app-chart-line--KEY). */
  key: string;
  label: string;
  colour: string;
  dash: number[];
  values: (number | null)[];
  stepped?: boolean;
}

const TEXT = '#0b0c0c';

function config(labels: string[], lines: Line[]): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels,
      datasets: lines.map((l) => ({
        label: l.label,
        data: l.values,
        borderColor: l.colour,
        backgroundColor: l.colour,
        borderDash: l.dash,
        borderWidth: 3,
        pointRadius: 2,
        stepped: l.stepped ? 'middle' : false,
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { ticks: { color: TEXT, autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { color: TEXT, maxTicksLimit: 5, precision: 0 } },
      },
    },
  };
}

/**
 * A Chart.js line chart on a canvas (the CSP allows it where inline style is refused) that
 * describes itself; the table next to it carries the same figures for everyone who cannot see it.
 */
export function LineChart({ labels, lines, description, testId }: { labels: string[]; lines: Line[]; description: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', (number | null)[], string> | null>(null);
  useEffect(() => {
    // Without a 2D context (jsdom) there is nothing to draw on; the table carries the figures.
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    chart.current = new Chart(context, config([], []));
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = config(labels, lines).data;
    chart.current.update();
  }, [labels, lines]);
  return (
    <>
      <ul className="govuk-list app-chart-legend" aria-hidden="true">
        {lines.map((l) => (
          <li key={l.key}>
            <svg width="24" height="10" focusable="false">
              <line x1="0" y1="5" x2="24" y2="5" className={`app-chart-line app-chart-line--${l.key}`} />
            </svg>{' '}
            {l.label}
          </li>
        ))}
      </ul>
      <div className="app-chart">
        <canvas ref={canvas} role="img" data-testid={testId} aria-label={description}>
          {description}
        </canvas>
      </div>
    </>
  );
}
