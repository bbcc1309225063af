import labels from '../../api/labels.json';
import type { CrimeDecision, Delivery } from './casesApi';

/** The server's words for each status (app/web/EnumLabels, via the contract), in its order. */
export const STATUSES = labels.CaseStatus;
/** What a handler may move a case to (RECEIVED is only where a case starts). */
export const NEXT_STATUSES = STATUSES.filter((s) => s.value !== 'RECEIVED');

const isPast = (iso: string | null | undefined, now: number) => !!iso && Date.parse(iso) < now;

/** The server's flag, or the clock when the flag is missing or stale. */
export const updateOverdue = (c: { nextUpdateDue?: string | null; updateOverdue?: boolean }, now = Date.now()) =>
  !!c.updateOverdue || isPast(c.nextUpdateDue, now);

/** A crime-recording decision is overdue only while undecided past its 24-hour due time. */
export const decisionOverdue = (
  d: (Pick<CrimeDecision, 'decided' | 'due' | 'recorded'> & { overdue?: boolean }) | null | undefined,
  now = Date.now(),
) => !!d && !d.decided && (!!d.overdue || isPast(d.due, now));

export const canReopen = (status: string) => status === 'RESOLVED' || status === 'CLOSED';

export const DELIVERY_TAG: Record<Delivery['status'], string> = {
  SENT: 'govuk-tag--blue',
  FAILED: 'govuk-tag--red',
  CALL_TASK: 'govuk-tag--purple',
  ONLINE: 'govuk-tag--grey',
};

export const statusChecks = (v: { status: string; team: string }): [boolean, 'status' | 'team', string][] => [
  [!v.status, 'status', 'Select the new status'],
  [v.status === 'REFERRED' && !v.team.trim(), 'team', 'Enter the team the case is referred to'],
];

export const decisionChecks = (v: {
  recorded: string;
  crimeNumber: string;
  reason: string;
}): [boolean, 'recorded' | 'crimeNumber' | 'reason', string][] => [
  [!v.recorded, 'recorded', 'Select whether a crime is recorded'],
  [v.recorded === 'yes' && !v.crimeNumber.trim(), 'crimeNumber', 'Enter the crime number'],
  [v.recorded === 'no' && !v.reason.trim(), 'reason', 'Enter why no crime is recorded'],
];
