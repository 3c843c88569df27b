import { describe, expect, it } from 'vitest';
import { dayPlan } from '../../../../shared/dayPlan';
import { emptyIntents } from '../../../../shared/intents';
import { duePrompts, shutdownTimes } from '../../../../shared/prompts';
import type { WorkSpan } from '../../../../shared/settings';
import { withTeam } from '../../../../shared/team/teamNorms';
import { at, settingsIn } from '../domainFixtures';

// A member whose own day runs to 19:00, in a team whose quiet evenings begin at 18:30: Today, its end of
// day and the end-of-day ritual follow the team's 18:30, as the status does.
const ZONE = 'Europe/Berlin';
const LATE: WorkSpan[] = [{ start: '09:00', end: '19:00', nextDay: false }];
const week = { '1': LATE, '2': LATE, '3': LATE, '4': LATE, '5': LATE, '6': [], '7': [] };
const own = () => settingsIn(ZONE, { week });
const member = () => withTeam(own(), { quiet: { evenings: { from: '18:30', until: '08:00' } } });

describe('the member’s day with the team’s quiet time taken out', () => {
  it('Today’s working time and end of day stop where the team’s quiet evening begins', () => {
    const plan = dayPlan('2026-11-25', at('2026-11-25T10:00', ZONE), member(), emptyIntents());
    expect(plan.items.filter((item) => item.kind === 'work')).toEqual([
      { kind: 'work', start: at('2026-11-25T09:00', ZONE), end: at('2026-11-25T18:30', ZONE) },
    ]);
    expect(plan.endOfDay).toBe(at('2026-11-25T18:30', ZONE));
    // Without the team file, the member's own 19:00.
    expect(dayPlan('2026-11-25', at('2026-11-25T10:00', ZONE), own(), emptyIntents()).endOfDay).toBe(
      at('2026-11-25T19:00', ZONE),
    );
  });

  it('the end-of-day ritual is offered before the team’s quiet time, not before the member’s own end', () => {
    expect(shutdownTimes('2026-11-25', member())).toMatchObject({
      prompt: at('2026-11-25T18:20', ZONE),
      end: at('2026-11-25T18:30', ZONE),
    });
    const kinds = (local: string) =>
      duePrompts(at(local, ZONE), member(), emptyIntents()).map((prompt) => prompt.kind);
    expect(kinds('2026-11-25T18:15')).not.toContain('shutdown');
    expect(kinds('2026-11-25T18:21')).toContain('shutdown');
  });

  it('a team quiet day leaves no working time and no ritual', () => {
    const settings = withTeam(own(), { quiet: { days: ['wednesday'] } });
    const plan = dayPlan('2026-11-25', at('2026-11-25T10:00', ZONE), settings, emptyIntents());
    expect(plan.items.filter((item) => item.kind === 'work')).toEqual([]);
    expect(shutdownTimes('2026-11-25', settings)).toBeNull();
  });
});

describe('a team file that changes', () => {
  it('moves the end of the day with the new quiet evening, for the same settings', () => {
    const settings = own();
    withTeam(settings, { quiet: { evenings: { from: '18:30', until: '08:00' } } });
    expect(shutdownTimes('2026-11-25', settings)?.end).toBe(at('2026-11-25T18:30', ZONE));
    // The follower gives the new file to the same settings object.
    withTeam(settings, { quiet: { evenings: { from: '18:00', until: '08:00' } } });
    expect(shutdownTimes('2026-11-25', settings)?.end).toBe(at('2026-11-25T18:00', ZONE));
    withTeam(settings, null);
    expect(shutdownTimes('2026-11-25', settings)?.end).toBe(at('2026-11-25T19:00', ZONE));
  });
});
