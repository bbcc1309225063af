import { describe, expect, it } from 'vitest';
import { canReopen, decisionChecks, decisionOverdue, statusChecks, updateOverdue } from './caseLogic';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const failed = (checks: [boolean, string, string][]) => checks.filter(([bad]) => bad).map(([, f]) => f);

describe('case overdue tags', () => {
  it('an update is overdue when the server says so or its due time has passed', () => {
    expect(updateOverdue({ nextUpdateDue: '2026-11-26T11:59:00Z' }, NOW)).toBe(true);
    expect(updateOverdue({ nextUpdateDue: '2026-11-27T09:00:00Z' }, NOW)).toBe(false);
    expect(updateOverdue({ nextUpdateDue: '2026-11-27T09:00:00Z', updateOverdue: true }, NOW)).toBe(true);
    expect(updateOverdue({ nextUpdateDue: null }, NOW)).toBe(false);
  });
  it('a crime decision is overdue only while undecided past its due time', () => {
    expect(decisionOverdue({ decided: false, due: '2026-11-26T10:00:00Z' }, NOW)).toBe(true);
    expect(decisionOverdue({ decided: true, recorded: true, due: '2026-11-26T10:00:00Z' }, NOW)).toBe(false);
    expect(decisionOverdue({ decided: false, due: '2026-11-27T10:00:00Z' }, NOW)).toBe(false);
    expect(decisionOverdue(null, NOW)).toBe(false);
  });
  it('only resolved or closed cases reopen', () => {
    expect(canReopen('RESOLVED')).toBe(true);
    expect(canReopen('CLOSED')).toBe(true);
    expect(canReopen('UNDER_REVIEW')).toBe(false);
  });
});

describe('case action checks', () => {
  it('REFERRED needs a team', () => {
    expect(failed(statusChecks({ status: '', team: '' }))).toEqual(['status']);
    expect(failed(statusChecks({ status: 'REFERRED', team: ' ' }))).toEqual(['team']);
    expect(failed(statusChecks({ status: 'REFERRED', team: 'CID' }))).toEqual([]);
    expect(failed(statusChecks({ status: 'RESOLVED', team: '' }))).toEqual([]);
  });
  it('recorded needs a crime number; not recorded needs a reason', () => {
    expect(failed(decisionChecks({ recorded: '', crimeNumber: '', reason: '' }))).toEqual(['recorded']);
    expect(failed(decisionChecks({ recorded: 'yes', crimeNumber: '', reason: 'x' }))).toEqual(['crimeNumber']);
    expect(failed(decisionChecks({ recorded: 'no', crimeNumber: 'CR1', reason: '' }))).toEqual(['reason']);
    expect(failed(decisionChecks({ recorded: 'yes', crimeNumber: 'CR/123/26', reason: '' }))).toEqual([]);
  });
});
