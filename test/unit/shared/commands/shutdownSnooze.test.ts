import { describe, expect, it } from 'vitest';
import { shutdownSnooze } from '../../../../shared/commands/shutdownSnooze';
import { accepted, apply, contextAt } from './commandFixtures';

describe('shutdown.snooze', () => {
  it('snoozes up to the limit past the end of the day, adding up the minutes, each promised minute given', () => {
    // Asked at 17:25 for a day that ends at 17:30: ten more minutes are ten past the end, not past now.
    const first = accepted(
      apply(shutdownSnooze, 'shutdown.snooze', contextAt('2026-11-25T17:25'), { minutes: 10 }),
    );
    expect(first.value).toEqual({ until: '2026-11-25T17:40:00.000+01:00' });
    const second = accepted(
      apply(shutdownSnooze, 'shutdown.snooze', contextAt('2026-11-25T17:35', { intents: first.intents! }), {
        minutes: 15,
      }),
    );
    expect(second.intents?.shutdownSnoozes).toEqual([
      { date: '2026-11-25', until: '2026-11-25T16:55:00.000Z', totalMinutes: 25 },
    ]);
  });

  it('refuses a snooze past the limit, and any snooze once the limit is reached', () => {
    expect(
      apply(shutdownSnooze, 'shutdown.snooze', contextAt('2026-11-25T17:45'), { minutes: 30 }),
    ).toMatchObject({
      ok: false,
      error: 'snooze_limit',
      message:
        'You can snooze the end of the day until 18:00 (30 minutes past the end of your day at 17:30) at most.',
    });
    expect(
      apply(shutdownSnooze, 'shutdown.snooze', contextAt('2026-11-25T18:05'), { minutes: 5 }),
    ).toMatchObject({
      ok: false,
      error: 'snooze_limit',
      message: 'No more snoozing: it is 35 minutes past the end of your day. Time to close it.',
    });
  });
});
