import { describe, expect, it } from 'vitest';
import { afterSignIn, canSee, homeFor } from './roles';

describe('where staff land', () => {
  it('case workers start at the queues, auditors and administrators in the audit area', () => {
    expect(homeFor(['HANDLER'])).toBe('/staff/queue');
    expect(homeFor(['SUPERVISOR'])).toBe('/staff/queue');
    expect(homeFor(['AUDITOR'])).toBe('/staff/audit');
    expect(homeFor(['ADMIN'])).toBe('/staff/audit');
    expect(homeFor(['AUDITOR', 'HANDLER'])).toBe('/staff/queue');
    expect(homeFor(['DATA_PROTECTION'])).toBe('/staff/retention');
  });
  it('only data-protection reviewers and administrators see the retention reviews', () => {
    expect(canSee('/staff/retention', ['DATA_PROTECTION'])).toBe(true);
    expect(canSee('/staff/retention', ['ADMIN'])).toBe(true);
    expect(canSee('/staff/retention', ['AUDITOR'])).toBe(false);
    expect(canSee('/staff/retention', ['HANDLER'])).toBe(false);
    expect(canSee('/staff/audit', ['DATA_PROTECTION'])).toBe(false);
  });
  it('only auditors and administrators see the audit pages', () => {
    expect(canSee('/staff/audit', ['AUDITOR'])).toBe(true);
    expect(canSee('/staff/audit/replay', ['ADMIN'])).toBe(true);
    expect(canSee('/staff/audit/log', ['HANDLER'])).toBe(false);
    expect(canSee('/staff/audit/log', ['SUPERVISOR'])).toBe(false);
    expect(canSee('/staff/auditing', ['HANDLER'])).toBe(true);
    expect(canSee('/staff/queue', ['AUDITOR'])).toBe(false);
    expect(canSee('/staff/supervisor', ['HANDLER'])).toBe(false);
    // Auditors read records (with a reason) but work no queue.
    expect(canSee('/staff/cases/BL-1', ['AUDITOR'])).toBe(true);
    expect(canSee('/staff/contacts/c-1', ['ADMIN'])).toBe(true);
  });
  it('only administrators see data protection (erasure and subject access)', () => {
    expect(canSee('/staff/data-protection', ['ADMIN'])).toBe(true);
    expect(canSee('/staff/data-protection', ['AUDITOR'])).toBe(false);
    expect(canSee('/staff/data-protection', ['SUPERVISOR', 'HANDLER'])).toBe(false);
    expect(afterSignIn('/staff/data-protection', ['ADMIN'])).toBe('/staff/data-protection');
    expect(afterSignIn('/staff/data-protection', ['AUDITOR'])).toBe('/staff/audit');
    expect(canSee('/staff/dead-letters', ['ADMIN'])).toBe(true);
    expect(canSee('/staff/dead-letters', ['SUPERVISOR', 'AUDITOR'])).toBe(false);
  });
  it('after sign-in: back where they were going if they may see it, else home', () => {
    expect(afterSignIn(undefined, ['AUDITOR'])).toBe('/staff/audit');
    expect(afterSignIn('/staff/queue', ['AUDITOR'])).toBe('/staff/audit');
    expect(afterSignIn('/staff/audit/log', ['AUDITOR'])).toBe('/staff/audit/log');
    expect(afterSignIn('/staff/cases/BL-1', ['HANDLER'])).toBe('/staff/cases/BL-1');
    expect(afterSignIn('/staff/audit', ['HANDLER'])).toBe('/staff/queue');
    expect(afterSignIn('/staff/cases/BL-1', ['AUDITOR'])).toBe('/staff/cases/BL-1');
    expect(afterSignIn('/staff/sign-in', ['HANDLER'])).toBe('/staff/queue');
    expect(afterSignIn('https://evil.example/staff/queue', ['HANDLER'])).toBe('/staff/queue');
  });
});
