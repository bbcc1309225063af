import { useEffect, useState } from 'react';
import type { AnswerOf } from '../../api/contract';
import { request } from '../../lib/http';

export type ContactRoutes = AnswerOf<'/api/v1/public/contact-routes', 'get', 200>;
export type SignpostReason = 'FRAUD' | 'LOST_PROPERTY' | 'NOISE';

/** What the pages say until the force's settings arrive, or if they cannot be read. */
export const FALLBACK_ROUTES: ContactRoutes = {
  relayUkNumber: '18001 101',
  victimSupport: { name: 'Victim Support', url: 'https://www.victimsupport.org.uk' },
  victimSupportReferrals: false,
};

let loading: Promise<ContactRoutes> | undefined;

/** Read once per visit: the force's settings do not change under a citizen. */
export function loadContactRoutes(): Promise<ContactRoutes> {
  // A setting the answer leaves out (an older server) keeps its national default.
  loading ??= request<Partial<ContactRoutes>>('/api/v1/public/contact-routes').then(
    (answer) => ({ ...FALLBACK_ROUTES, ...answer }),
    () => {
      loading = undefined;
      return FALLBACK_ROUTES;
    },
  );
  return loading;
}

export function useContactRoutes(): ContactRoutes {
  const [routes, setRoutes] = useState<ContactRoutes>(FALLBACK_ROUTES);
  useEffect(() => {
    let live = true;
    void loadContactRoutes().then((r) => live && setRoutes(r));
    return () => {
      live = false;
    };
  }, []);
  return routes;
}

/** A number as a tel: link, which phones dial with its spaces removed. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** Counted so the force sees the demand it turns away; a failure never stops the citizen. */
export function countSignpost(reason: SignpostReason) {
  return request<void>('/api/v1/signposts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason, channel: 'WEB' }),
  }).catch(() => undefined);
}
