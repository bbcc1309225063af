import type { RequestOf } from '../../api/contract';

type ReportForm = RequestOf<'/api/v1/reports', 'post'>;
export type Category = ReportForm['category'];
export type Channel = ReportForm['updateChannel'];
export type Frequency = ReportForm['updateFrequency'];

/** The choices in the server's order; a Record, so a value added or dropped in Java fails `tsc` here. */
const options = <V extends string>(labels: Record<V, string>) =>
  (Object.entries(labels) as [V, string][]).map(([value, label]) => ({ value, label }));

export const CATEGORIES = options<Category>({
  ANTISOCIAL_BEHAVIOUR: 'Anti-social behaviour',
  THEFT: 'Theft (not from a vehicle)',
  VEHICLE_CRIME: 'Vehicle crime',
  CRIMINAL_DAMAGE: 'Criminal damage or vandalism',
  FRAUD: 'Fraud or scam',
  LOST_PROPERTY: 'Lost or found property',
  ROAD_TRAFFIC: 'Road traffic incident with no injuries',
  HATE_INCIDENT: 'Hate incident',
  OTHER: 'Something else',
});

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

export const labelOf = (list: { value: string; label: string }[], value?: string) => list.find((o) => o.value === value)?.label ?? value ?? '';

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
