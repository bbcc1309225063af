/** A case as GET /api/v1/staff/cases/{ref} answers it, for tests. */
export const CASE = {
  reference: 'BL-2026-000123',
  status: 'UNDER_REVIEW',
  statusLabel: 'Under review',
  category: 'THEFT',
  categoryLabel: 'Theft',
  openedAt: '2026-11-20T10:00:00Z',
  nextUpdateDue: '2026-11-27T10:00:00Z',
  assignedTo: 'handler',
  team: null,
  enhancedRights: false,
  updateChannel: 'EMAIL',
  updateFrequency: 'WEEKLY',
  crimeDecision: { decided: true, recorded: true, crimeNumber: 'CR/1/26' },
  history: [{ at: '2026-11-20T10:00:00Z', type: 'CaseOpened', title: 'Case opened', actor: 'handler', visibility: 'PUBLIC' }],
  contacts: [{ contactId: 'c-1', channel: 'WEB', at: '2026-11-20T09:59:00Z', summary: 'Bike stolen' }],
  linkedCases: [],
  messages: [],
  deliveries: [],
};

/** GET /api/v1/staff/contacts/{id}/history for someone who has not contacted us before. */
export const NO_HISTORY = { repeat: false, contacts: [], cases: [] };
