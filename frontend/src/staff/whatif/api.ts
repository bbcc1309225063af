import type { Schema } from '../../api/contract';
import { send } from '../api';

export type WhatIfRequest = Schema<'WhatIfRequest'>;
export type WhatIfChannelPlan = Schema<'WhatIfChannelPlan'>;
export type WhatIfResult = Schema<'WhatIfResult'>;
export type WhatIfFigures = Schema<'WhatIfFigures'>;
export type WhatIfHour = Schema<'WhatIfHourResult'>;

export const replayDay = (request: WhatIfRequest) => send<WhatIfResult>('POST', '/api/v1/staff/supervisor/what-if', request);
