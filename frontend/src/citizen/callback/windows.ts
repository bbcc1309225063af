import { currentLanguage, t } from '../../i18n';

export interface CallWindow {
  start: Date;
  end: Date;
}

// Handlers call back between 8am and 8pm; a window must start at least 30 minutes from now.
const SLOT_STARTS = [8, 10, 12, 14, 16, 18];
const LEAD_MS = 30 * 60 * 1000;

/** The next `count` 2-hour windows, in the browser's local time (the citizen's own clock). */
export function nextWindows(now: Date, count = 8): CallWindow[] {
  const found: CallWindow[] = [];
  for (let day = 0; day < 7 && found.length < count; day++) {
    for (const hour of SLOT_STARTS) {
      const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, hour);
      if (start.getTime() - now.getTime() < LEAD_MS) continue;
      found.push({ start, end: new Date(start.getFullYear(), start.getMonth(), start.getDate(), hour + 2) });
      if (found.length === count) break;
    }
  }
  return found;
}

const dayFormats = {
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }),
  cy: new Intl.DateTimeFormat('cy', { weekday: 'long', day: 'numeric', month: 'long' }),
};
// The hour alone; am and pm (yb and yh) come from the translations.
const hourFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: true });
const hour = (d: Date) => `${hourFormat.formatToParts(d).find((p) => p.type === 'hour')?.value}${t(d.getHours() < 12 ? 'time.am' : 'time.pm')}`;

/** "Thursday 26 November, 2pm to 4pm"; "Dydd Iau, 26 Tachwedd, 2yh i 4yh" */
export function windowLabel(w: CallWindow): string {
  return t('callback.window', { day: dayFormats[currentLanguage()].format(w.start), from: hour(w.start), to: hour(w.end) });
}
