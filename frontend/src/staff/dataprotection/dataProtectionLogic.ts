import { fieldErrors, HttpError, type FieldError } from '../../lib/http';
import type { LegalBasis, SubjectExport } from './dataProtectionApi';

/** The server names a person by exactly one of their case references or contact ids. */
export type Person = { reference: string } | { contactId: string };

const REFERENCE = /^BL-\d{4}-\d{6,}$/i;

/** One box takes either: a case reference looks like BL-2026-000123, anything else is a contact id. */
export function personOf(text: string): Person {
  const value = text.trim();
  return REFERENCE.test(value) ? { reference: value.toUpperCase() } : { contactId: value };
}

export const personText = (p: Person) => ('reference' in p ? `case ${p.reference}` : `contact ${p.contactId}`);

export const LEGAL_BASES: { value: LegalBasis; label: string }[] = [
  { value: 'DPA_2018_S47', label: 'Data Protection Act 2018, section 47 (law enforcement processing)' },
  { value: 'UK_GDPR_ARTICLE_17', label: 'UK GDPR Article 17 (right to erasure)' },
];

export const basisLabel = (basis: string) => LEGAL_BASES.find((b) => b.value === basis)?.label ?? basis;

export interface ScrubState {
  label: string;
  tag: string;
  /** Still changing: the page asks again until it is not. */
  pending: boolean;
}

/**
 * Whether the read models are clean of the erased person yet: every rebuild must have completed.
 * Each state is a replay's (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED) or MISSING.
 */
export function scrubState(rebuilds: Record<string, string> | null | undefined): ScrubState {
  const states = Object.entries(rebuilds ?? {});
  const failed = states.filter(([, s]) => s === 'FAILED' || s === 'MISSING').map(([m]) => m);
  if (failed.length) return { label: `Rebuild failed: ${failed.join(', ')}`, tag: 'govuk-tag--red', pending: false };
  // The erasure row is written a moment before its rebuilds are recorded.
  if (!states.length) return { label: 'Starting rebuilds', tag: 'govuk-tag--blue', pending: true };
  const done = states.filter(([, s]) => s === 'COMPLETED').length;
  if (done === states.length) return { label: 'Read models scrubbed', tag: 'govuk-tag--green', pending: false };
  return { label: `Rebuilding read models: ${done} of ${states.length} done`, tag: 'govuk-tag--blue', pending: true };
}

export interface ExportSummary {
  events: number;
  contactsAndCases: string[];
  rows: number;
  tables: number;
  erased: boolean;
}

export function exportSummary(x: SubjectExport): ExportSummary {
  const tables = Object.values(x.records ?? {}).filter((rows) => rows.length > 0);
  return {
    events: x.events?.length ?? 0,
    contactsAndCases: x.contactsAndCases ?? [],
    rows: tables.reduce((n, rows) => n + rows.length, 0),
    tables: tables.length,
    erased: !!x.erased,
  };
}

/** A file name safe on any system, saying whose export it is. */
export const exportFileName = (p: Person) => `subject-access-${('reference' in p ? p.reference : p.contactId).replace(/[^A-Za-z0-9-]+/g, '_')}.json`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The server explains a refusal in words; put it on the field that can fix it, so the error
 * summary links there. `prefix` is the form's field-id prefix.
 */
export function serverProblems(e: unknown, prefix: string): FieldError[] {
  const [first] = fieldErrors(e);
  const explained = e instanceof HttpError && typeof (e.body as { detail?: unknown } | undefined)?.detail === 'string';
  if (!explained || first.field) return [first];
  const on = (field: string) => [{ field: `${prefix}-${field}`, message: first.message }];
  // No data held (404), or already erased (409): both are about who was named.
  if (e.status === 404 || e.status === 409) return on('person');
  if (e.status === 428) return on('reason');
  if (e.status === 400) {
    if (/case reference or contact id/i.test(first.message)) return on('person');
    if (/legal basis/i.test(first.message)) return on('basis');
    if (/reason/i.test(first.message)) return on('reason');
  }
  return [first];
}
