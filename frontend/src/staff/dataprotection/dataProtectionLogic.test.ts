import { describe, expect, it } from 'vitest';
import { HttpError } from '../../lib/http';
import { basisLabel, exportFileName, exportSummary, personOf, scrubState, serverProblems } from './dataProtectionLogic';

const problem = (status: number, detail?: string) => new HttpError(status, detail ? { title: detail, detail } : undefined, new Headers());

describe('naming the person', () => {
  it('a case reference in any case is sent as a reference, anything else as a contact id', () => {
    expect(personOf(' BL-2026-000123 ')).toEqual({ reference: 'BL-2026-000123' });
    expect(personOf('bl-2026-000123')).toEqual({ reference: 'BL-2026-000123' });
    expect(personOf('6f1c1d2e-8a7b-4c3d-9e0f-112233445566')).toEqual({ contactId: '6f1c1d2e-8a7b-4c3d-9e0f-112233445566' });
    expect(personOf('BL-2026')).toEqual({ contactId: 'BL-2026' });
  });
  it('the export file is named after the person, with nothing a file system could trip on', () => {
    expect(exportFileName({ reference: 'BL-2026-000123' })).toBe('subject-access-BL-2026-000123.json');
    expect(exportFileName({ contactId: '../x y' })).toBe('subject-access-_x_y.json');
  });
  it('legal bases read in plain English', () => {
    expect(basisLabel('DPA_2018_S47')).toBe('Data Protection Act 2018, section 47 (law enforcement processing)');
    expect(basisLabel('UK_GDPR_ARTICLE_17')).toBe('UK GDPR Article 17 (right to erasure)');
    expect(basisLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});

describe('whether the read models are scrubbed', () => {
  it('only when every rebuild completed; a failed one is named; anything else is still going', () => {
    expect(scrubState({ 'case-view': 'COMPLETED', queues: 'COMPLETED' })).toMatchObject({ label: 'Read models scrubbed', pending: false });
    expect(scrubState({ 'case-view': 'COMPLETED', queues: 'RUNNING', tracking: 'QUEUED' })).toMatchObject({
      label: 'Rebuilding read models: 1 of 3 done',
      pending: true,
    });
    expect(scrubState({ 'case-view': 'FAILED', queues: 'RUNNING' })).toMatchObject({ label: 'Rebuild failed: case-view', pending: false });
    expect(scrubState({ 'case-view': 'MISSING' }).label).toBe('Rebuild failed: case-view');
    expect(scrubState({})).toMatchObject({ label: 'Starting rebuilds', pending: true });
  });
});

describe('the export summary', () => {
  it('counts events and the rows of tables that hold any', () => {
    const s = exportSummary({
      subjectId: 'c-1',
      subjects: ['c-1'],
      erased: false,
      erasure: null,
      erasures: [],
      contactsAndCases: ['BL-2026-000123', 'c-1'],
      events: [1, 2, 3].map((i) => ({ eventId: `e${i}`, stream: 'c-1', type: 'ContactReceived', occurredAt: '2026-11-20T10:00:00Z', payload: {} })),
      viewedBy: [],
      records: { case_view: [{}, {}], queue_item: [{}], access_log: [] },
    });
    expect(s).toEqual({ events: 3, contactsAndCases: ['BL-2026-000123', 'c-1'], rows: 3, tables: 2, erased: false });
  });
});

describe('server refusals land on the field that can fix them', () => {
  it('no data held and already erased are about the person named', () => {
    expect(serverProblems(problem(404, 'No personal data is held for that case or contact'), 'erase')).toEqual([
      { field: 'erase-person', message: 'No personal data is held for that case or contact' },
    ]);
    expect(serverProblems(problem(409, "That person's personal data is already erased"), 'erase')[0].field).toBe('erase-person');
  });
  it('400s by what they are about; a refused access reason on the reason', () => {
    expect(serverProblems(problem(400, 'Give the legal basis for the erasure: DPA_2018_S47 or UK_GDPR_ARTICLE_17'), 'erase')[0].field).toBe(
      'erase-basis',
    );
    expect(
      serverProblems(problem(400, "Give the reason (a decision or ticket number, never the person's details), up to 500 characters"), 'erase')[0]
        .field,
    ).toBe('erase-reason');
    expect(serverProblems(problem(400, 'Name the person by exactly one case reference or contact id'), 'sar')[0].field).toBe('sar-person');
    expect(serverProblems(problem(428, 'Say why you are opening this record'), 'sar')[0].field).toBe('sar-reason');
  });
  it('an unexplained failure is a general problem, linked to no field', () => {
    expect(serverProblems(problem(500), 'erase')).toEqual([{ field: '', message: 'Sorry, there is a problem with the service. Try again later.' }]);
    expect(serverProblems(problem(404), 'erase')[0].field).toBe('');
    expect(serverProblems(new TypeError('Failed to fetch'), 'erase')[0].field).toBe('');
  });
});
