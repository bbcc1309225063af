import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { reasonHeaders } from '../accessReason';
import { send } from '../api';
import type { Person } from './dataProtectionLogic';

export type LegalBasis = Schema<'ErasureRow'>['legal_basis'];

/** A row of GET /api/v1/admin/erasures (the server's column names). */
export type ErasureRow = Schema<'ErasureRow'>;
export type Erasure = Schema<'Erasure'>;

/** `subjects`: every data subject linked to the one named; `scrubPending`: set while an erasure's scrub still runs. */
export type SubjectExport = Omit<Schema<'SubjectAccessExport'>, 'erasure'> & {
  /** The first erasure; null when none (the document's ref cannot say null yet). */
  erasure: Schema<'SubjectAccessErasure'> | null;
};

const ADMIN = '/api/v1/admin';

export const getErasures = () => request<ErasureRow[]>(`${ADMIN}/erasures`);
export const erase = (person: Person, legalBasis: LegalBasis, reason: string) =>
  send<Erasure>('POST', `${ADMIN}/erasures`, { ...person, legalBasis, reason });
/** The export is a look at personal data: it carries the officer's reason like any other. */
export const getSubjectAccess = (person: Person, reason: string) =>
  request<SubjectExport>(`${ADMIN}/subject-access?${new URLSearchParams(person)}`, { headers: reasonHeaders(reason) });
/** The same export as a page the person can read (HTML, every value escaped by the server). */
export const getSubjectAccessPage = (person: Person, reason: string) =>
  request<string>(`${ADMIN}/subject-access?${new URLSearchParams({ ...person, format: 'html' })}`, { headers: reasonHeaders(reason) });
