/** Who may see which staff pages. The server enforces the same rules; this only keeps people off dead ends. */

export const isCaseworker = (roles: string[]) => roles.includes('HANDLER') || roles.includes('SUPERVISOR');
export const isAuditor = (roles: string[]) => roles.includes('AUDITOR') || roles.includes('ADMIN');
/** Erasure and subject access: the information-management officer's work, not an auditor's. */
export const isAdmin = (roles: string[]) => roles.includes('ADMIN');
/** MoPI retention reviews: data-protection reviewers, and administrators. */
export const isRetentionReviewer = (roles: string[]) => roles.includes('DATA_PROTECTION') || isAdmin(roles);

/** Where a member of staff starts: the queues for case workers, the audit area for auditors. */
export function homeFor(roles: string[]): string {
  if (isCaseworker(roles)) return '/staff/queue';
  if (isAuditor(roles)) return '/staff/audit';
  if (isRetentionReviewer(roles)) return '/staff/retention';
  return '/staff/queue';
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Whether a staff page is any use to these roles (by path, without query or hash). Auditors may
 * read cases, contacts and the dashboard (the server lets them GET, never change); the queues are
 * for case workers.
 */
export function canSee(path: string, roles: string[]): boolean {
  if (under(path, '/staff/audit')) return isAuditor(roles);
  if (under(path, '/staff/retention')) return isRetentionReviewer(roles);
  if (under(path, '/staff/data-protection') || under(path, '/staff/dead-letters')) return isAdmin(roles);
  if (under(path, '/staff/supervisor')) return roles.includes('SUPERVISOR') || isAuditor(roles);
  if (under(path, '/staff/queue') || under(path, '/staff/replies')) return isCaseworker(roles);
  if (['/staff/contacts', '/staff/cases'].some((p) => under(path, p))) return isCaseworker(roles) || isAuditor(roles);
  return true;
}

/** After signing in: back where the person was going if they may see it, else their home page. */
export function afterSignIn(from: string | undefined, roles: string[]): string {
  const usable = !!from && from.startsWith('/staff/') && !under(from, '/staff/sign-in');
  return usable && canSee(from, roles) ? from : homeFor(roles);
}
