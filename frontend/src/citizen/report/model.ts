export const CATEGORIES = [
  { value: 'ANTISOCIAL_BEHAVIOUR', label: 'Anti-social behaviour' },
  { value: 'THEFT', label: 'Theft (not from a vehicle)' },
  { value: 'VEHICLE_CRIME', label: 'Vehicle crime' },
  { value: 'CRIMINAL_DAMAGE', label: 'Criminal damage or vandalism' },
  { value: 'FRAUD', label: 'Fraud or scam' },
  { value: 'LOST_PROPERTY', label: 'Lost or found property' },
  { value: 'ROAD_TRAFFIC', label: 'Road traffic incident with no injuries' },
  { value: 'HATE_INCIDENT', label: 'Hate incident' },
  { value: 'OTHER', label: 'Something else' },
];

export const CHANNELS = [
  { value: 'EMAIL', label: 'Email' },
  { value: 'SMS', label: 'Text message (SMS)' },
  { value: 'PHONE', label: 'Phone call' },
  { value: 'ONLINE', label: 'Online only – on the tracking page' },
];

export const FREQUENCIES = [
  { value: 'WEEKLY', label: 'Every week' },
  { value: 'FORTNIGHTLY', label: 'Every 2 weeks' },
  { value: 'MONTHLY', label: 'Every month' },
  { value: 'KEY_DECISIONS', label: 'Only when there is a key decision' },
];

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
