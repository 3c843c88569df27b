import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAMMATE_WEEK, DEFAULT_TEAMMATE_WEEKEND, type Teammate } from '../../../shared/intents';
import { deliveryFor, slackMemberOf } from '../../../shared/messageTiming';
import { at } from './domainFixtures';

const person = (timeZone: string, change: Partial<Teammate> = {}): Teammate => ({
  id: 'slack:U1',
  name: 'Ana',
  timeZone,
  week: DEFAULT_TEAMMATE_WEEK,
  weekendDays: [...DEFAULT_TEAMMATE_WEEKEND],
  source: 'slack',
  ...change,
});

describe('when a message reaches a teammate', () => {
  it('goes now inside their hours, else at their next start, in their zone and their weekend', () => {
    const ana = person('Europe/Lisbon');
    expect(deliveryFor(ana, at('2026-12-07T10:00', 'Europe/Lisbon'))).toEqual({ kind: 'now', at: null });
    // Friday after five: Monday 09:00 in Lisbon, not Saturday.
    expect(deliveryFor(ana, at('2026-12-04T17:30', 'Europe/Lisbon'))).toEqual({
      kind: 'theirStart',
      at: at('2026-12-07T09:00', 'Europe/Lisbon'),
    });
    // Riyadh rests on Friday and Saturday: Thursday evening waits for Sunday.
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const everyDay = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((d) => [d, nineToFive]),
    ) as Teammate['week'];
    const sara = person('Asia/Riyadh', { week: everyDay, weekendDays: [5, 6] });
    expect(deliveryFor(sara, at('2026-12-03T18:00', 'Asia/Riyadh')).at).toBe(
      at('2026-12-06T09:00', 'Asia/Riyadh'),
    );
  });

  it('lands at 09:00 their time across their clock change', () => {
    // Los Angeles moves its clocks on Sunday 8 March 2026: Monday 09:00 is then UTC-7, not UTC-8.
    const lee = person('America/Los_Angeles');
    const monday = deliveryFor(lee, at('2026-03-06T18:00', 'America/Los_Angeles')).at!;
    expect(new Date(monday).toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it("waits out the team's quiet time too: a quiet Wednesday moves Tuesday evening's message to Thursday", () => {
    const ana = person('Europe/Berlin');
    const wednesday = {
      start: at('2026-12-09T00:00', 'Europe/Berlin'),
      end: at('2026-12-10T00:00', 'Europe/Berlin'),
    };
    const quietUntil = (t: number) => (t >= wednesday.start && t < wednesday.end ? wednesday.end : null);
    expect(deliveryFor(ana, at('2026-12-08T18:00', 'Europe/Berlin'), quietUntil).at).toBe(
      at('2026-12-10T09:00', 'Europe/Berlin'),
    );
    // Inside their hours on the quiet day itself: it waits too.
    expect(deliveryFor(ana, at('2026-12-09T10:00', 'Europe/Berlin'), quietUntil)).toEqual({
      kind: 'theirStart',
      at: at('2026-12-10T09:00', 'Europe/Berlin'),
    });
  });

  it('goes now, said so, to someone with no working hours at all', () => {
    const none = person('UTC', {
      week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } as never,
      weekendDays: [],
    });
    expect(deliveryFor(none, at('2026-12-07T10:00', 'UTC'))).toEqual({ kind: 'noHours', at: null });
  });

  it('knows a Slack member by their own id or by the Slack entry they stand for', () => {
    expect(slackMemberOf({ id: 'slack:U1' })).toBe('U1');
    expect(slackMemberOf({ id: 'manual-1', replaces: 'slack:U2' })).toBe('U2');
    expect(slackMemberOf({ id: 'manual-1' })).toBeNull();
    expect(slackMemberOf({ id: 'google:ana@example.com' })).toBeNull();
  });
});
