import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import type { Channel } from '../api';
import type { Period, Step } from './periods';

export type ContactReport = Schema<'ContactReport'>;
export type ReportFigures = Schema<'ReportFigures'>;
export type HandlerReport = Schema<'HandlerReport'>;

const BASE = '/api/v1/staff/supervisor/reports';
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const getContactReport = (channel: Channel, p: Period, step: Step) =>
  request<ContactReport>(`${BASE}/contacts?${query({ channel, from: p.from, to: p.to, step })}`);
export const getHandlerReport = (p: Period) => request<HandlerReport>(`${BASE}/handlers?${query({ from: p.from, to: p.to })}`);

/** The files are the server's: a plain link, so the browser downloads with the session cookie. */
export const contactsCsv = (channel: Channel, p: Period) => `${BASE}/contacts.csv?${query({ channel, from: p.from, to: p.to })}`;
export const handlersCsv = (p: Period) => `${BASE}/handlers.csv?${query({ from: p.from, to: p.to })}`;
