import type { FieldError } from '../../lib/http';

export interface MonthValue {
  month: string;
  year: string;
}

/** This month in the browser's calendar, as the month and year fields show it. */
export function thisMonth(now = new Date()): MonthValue {
  return { month: String(now.getMonth() + 1), year: String(now.getFullYear()) };
}

/** "2026-05" for the server, or the field errors that say what to fix. */
export function monthParam({ month, year }: MonthValue): string | FieldError[] {
  const m = month.trim();
  const y = year.trim();
  if (!m && !y) return [{ field: 'ledger-month-month', message: 'Enter the month and year' }];
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12)
    return [{ field: 'ledger-month-month', message: 'Month must be a number from 1 to 12' }];
  if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2099)
    return [{ field: 'ledger-month-year', message: 'Year must be a year from 2000 to 2099, like 2026' }];
  return `${y}-${m.padStart(2, '0')}`;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "May 2026" for "2026-05". */
export const monthLabel = (param: string) => monthName.format(new Date(`${param}-01T12:00:00Z`));

/** "87.5%", or words when nothing has been decided yet. */
export const percentText = (percent: number | null | undefined) =>
  percent === null || percent === undefined ? 'None decided yet' : `${percent.toFixed(1)}%`;

export const STATUS_TAG: Record<string, string> = {
  MET: 'govuk-tag--green',
  MISSED: 'govuk-tag--red',
  PENDING: 'govuk-tag--grey',
};
