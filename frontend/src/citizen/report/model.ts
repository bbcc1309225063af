import type { RequestOf } from '../../api/contract';
import labels from '../../api/labels.json';

type ReportForm = RequestOf<'/api/v1/reports', 'post'>;
export type Category = ReportForm['category'];
export type Channel = ReportForm['updateChannel'];
export type Frequency = ReportForm['updateFrequency'];

/** The choices in the server's order; a Record, so a value added or dropped in Java fails `tsc` here. */
const options = <V extends string>(labels: Record<V, string>) =>
  (Object.entries(labels) as [V, string][]).map(([value, label]) => ({ value, label }));

/** The server's words (app/web/EnumLabels, via the contract). */
export const CATEGORIES = labels.ReportCategory.map(({ value, label }) => ({ value: value as Category, label }));

export const CHANNELS = options<Channel>({
  EMAIL: 'Email',
  SMS: 'Text message (SMS)',
  PHONE: 'Phone call',
  ONLINE: 'Online only – on the tracking page',
});

export const FREQUENCIES = options<Frequency>({
  WEEKLY: 'Every week',
  FORTNIGHTLY: 'Every 2 weeks',
  MONTHLY: 'Every month',
  KEY_DECISIONS: 'Only when there is a key decision',
});

export const labelOf = (list: { value: string; label: string }[], value?: string | null) => list.find((o) => o.value === value)?.label ?? value ?? '';

export interface ReportData {
  anyoneInDanger: string; // 'yes' | 'no' | ''
  category: string;
  description: string;
  location: string;
  day: string;
  month: string;
  year: string;
  occurredTime: string;
  giveName: string; // 'yes' | 'no' | ''
  name: string;
  email: string;
  phone: string;
  updateChannel: string;
  updateFrequency: string;
}

export const emptyReport = (): ReportData => ({
  anyoneInDanger: '',
  category: '',
  description: '',
  location: '',
  day: '',
  month: '',
  year: '',
  occurredTime: '',
  giveName: '',
  name: '',
  email: '',
  phone: '',
  updateChannel: '',
  updateFrequency: '',
});

/** The pages of the form, in order; the check page links back to these. */
export const PAGES = {
  danger: '/report/danger',
  what: '/report/what-happened',
  where: '/report/where',
  when: '/report/when',
  about: '/report/about-you',
  updates: '/report/updates',
  check: '/report/check',
  confirmation: '/report/confirmation',
  stop: '/report/call-999',
} as const;
