import { describe, expect, it } from 'vitest';
import { waitSeries } from './waitChartData';

const at = (channel: 'WEB' | 'CHAT', hour: number, averageWaitSeconds: number) => ({ channel, hour, averageWaitSeconds, answered: 1 });

describe('the hourly wait chart', () => {
  it('gives every channel all 24 hours, leaving hours without figures empty so the line breaks', () => {
    const [web] = waitSeries([at('WEB', 9, 60), at('WEB', 11, 120)], ['WEB']);
    expect(web.values).toHaveLength(24);
    expect(web.values.slice(8, 13)).toEqual([null, 60, null, 120, null]);
  });

  it('keeps an hour on its own as a point, and a channel with no figures as an empty line', () => {
    const [web, chat] = waitSeries([at('WEB', 14, 45)], ['WEB', 'CHAT']);
    expect(web.values.filter((v) => v !== null)).toEqual([45]);
    expect(web.values[14]).toBe(45);
    expect(chat.channel).toBe('CHAT');
    expect(chat.values.every((v) => v === null)).toBe(true);
  });

  it('reads a zero wait as a figure, not as no figures', () => {
    expect(waitSeries([at('CHAT', 0, 0)], ['CHAT'])[0].values[0]).toBe(0);
  });
});
