/** The name citizens see for a handler, and handlers' skills (HandlerProfileController). */
import type { Schema } from '../api/contract';
import limits from '../api/limits.json';
import { request } from '../lib/http';
import { send } from './api';

export type DisplayName = Schema<'DisplayName'>;
export type Skill = Schema<'Skill'>;

/** The server's limit on the name (HandlerProfileController.MAX_DISPLAY_NAME, via the contract). */
export const DISPLAY_NAME_MAX = limits.DisplayNameRequest.displayName;
/** What citizens see when a handler has set no name: never the login. */
export const NEUTRAL_NAME = 'Call handler';

export const getDisplayName = () => request<DisplayName>('/api/v1/staff/display-name');
export const setDisplayName = (displayName: string) => send<DisplayName>('PUT', '/api/v1/staff/display-name', { displayName });
export const getSkills = () => request<Skill[]>('/api/v1/staff/skills');
export const setHandlerSkills = (handler: string, skills: string[]) =>
  send<void>('PUT', `/api/v1/staff/supervisor/handlers/${encodeURIComponent(handler)}/skills`, { skills });

/** Refused here as the server would (length; the server alone judges characters): null when fine. */
export function displayNameError(name: string): string | null {
  return name.trim().length > DISPLAY_NAME_MAX ? `Name shown to citizens must be ${DISPLAY_NAME_MAX} characters or fewer` : null;
}
