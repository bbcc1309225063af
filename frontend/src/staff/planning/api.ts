import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { send } from '../api';

export type DemandForecast = Schema<'DemandForecast'>;
export type ChannelDemand = Schema<'ChannelDemand'>;
export type StaffingDay = Schema<'StaffingDay'>;
export type StaffingHour = Schema<'StaffingHour'>;
export type PlannedHour = Schema<'PlannedHour'>;
export type StaffingPlanRequest = Schema<'StaffingPlanRequest'>;

const base = '/api/v1/staff/supervisor/planning';
export const getForecast = () => request<DemandForecast>(`${base}/forecast`);
export const getStaffing = (date: string) => request<StaffingDay>(`${base}/staffing?date=${encodeURIComponent(date)}`);
export const savePlan = (plan: StaffingPlanRequest) => send<PlannedHour[]>('PUT', `${base}/plan`, plan);
