import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { RightTotals } from './api';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

// GOV.UK Frontend's green, red and mid-grey, as the tags in the table beside it use them.
const PARTS = [
  { key: 'met', label: 'Met', colour: '#0f7a52' },
  { key: 'missed', label: 'Missed', colour: '#ca3535' },
  { key: 'pending', label: 'Pending', colour: '#505a5f' },
] as const;

/**
 * The month's totals as stacked bars, one per right; the table on the page carries the same
 * figures for everyone who cannot see the chart, so the canvas is one labelled image.
 */
export function LedgerChart({ rights }: { rights: RightTotals[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext?.('2d');
    if (!context) return;
    const chart = new Chart(context, {
      type: 'bar',
      data: {
        labels: rights.map((r) => r.rightLabel),
        datasets: PARTS.map((part) => ({
          label: part.label,
          data: rights.map((r) => r[part.key]),
          backgroundColor: part.colour,
        })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: '#0b0c0c' } },
          y: { stacked: true, ticks: { color: '#0b0c0c' } },
        },
      },
    });
    return () => chart.destroy();
  }, [rights]);
  return (
    <>
      <ul className="govuk-list app-chart-legend" aria-hidden="true">
        {PARTS.map((part) => (
          <li key={part.key}>
            <strong className={`govuk-tag ${part.key === 'met' ? 'govuk-tag--green' : part.key === 'missed' ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>
              {part.label}
            </strong>
          </li>
        ))}
      </ul>
      <div className="app-chart">
        <canvas
          ref={canvas}
          role="img"
          data-testid="ledger-chart"
          aria-label="Bar chart of obligations met, missed and pending for each right; the same figures are in the table."
        >
          The obligations met, missed and pending for each right are in the table.
        </canvas>
      </div>
    </>
  );
}
