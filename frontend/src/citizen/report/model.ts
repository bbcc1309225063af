import type { RequestOf } from '../../api/contract';
import labels from '../../api/labels.json';
import { useT } from '../../i18n';

type ReportForm = RequestOf<'/api/v1/reports', 'post'>;
export type Category = ReportForm['category'];
export type Channel = ReportForm['updateChannel'];
export type Frequency = ReportForm['updateFrequency'];

/** The choices in the server's order, in the server's words (app/web/EnumLabels, via the contract). */
const options = <V extends string>(list: { value: string; label: string }[]) => list.map(({ value, label }) => ({ value: value as V, label }));

export const CATEGORIES = options<Category>(labels.ReportCategory);

export const CHANNELS = options<Channel>(labels.UpdateChannel);

export const FREQUENCIES = options<Frequency>(labels.UpdateFrequency);

export const labelOf = (list: { value: string; label: string }[], value?: string | null) => list.find((o) => o.value === value)?.label ?? value ?? '';

/** The same choices in the citizen's language (i18n enums.*; its English is the server's, checked by i18n.test.ts). */
export function useChoices() {
  const t = useT();
  const words = <V extends string>(kind: keyof typeof labels, list: { value: string }[]) =>
    list.map(({ value }) => ({ value: value as V, label: t(`enums.${kind}.${value}`) }));
  return {
    categories: words<Category>('ReportCategory', labels.ReportCategory),
    channels: words<Channel>('UpdateChannel', labels.UpdateChannel),
    frequencies: words<Frequency>('UpdateFrequency', labels.UpdateFrequency),
  };
}

export interface ReportData {
  anyoneInDanger: string; // 'yes' | 'no' | ''
  topic: string; // what it is about: the police, or another service (report/Topic.tsx)
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
  topic: '',
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
  topic: '/report/topic',
  elsewhere: '/report/elsewhere',
  what: '/report/what-happened',
  where: '/report/where',
  when: '/report/when',
  about: '/report/about-you',
  updates: '/report/updates',
  check: '/report/check',
  confirmation: '/report/confirmation',
  stop: '/report/call-999',
} as const;
