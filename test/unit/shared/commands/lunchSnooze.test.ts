import { describe, expect, it } from 'vitest';
import { lunchSnooze } from '../../../../shared/commands/lunchSnooze';
import { accepted, apply, contextAt } from './commandFixtures';

describe('lunch.snooze', () => {
  it('snoozes the lunch prompt, replacing an earlier snooze of the same day', () => {
    const first = accepted(
      apply(lunchSnooze, 'lunch.snooze', contextAt('2026-11-25T12:00'), { minutes: 15 }),
    );
    expect(first.value).toEqual({ until: '2026-11-25T12:15:00.000+01:00' });
    const again = accepted(
      apply(lunchSnooze, 'lunch.snooze', contextAt('2026-11-25T12:15', { intents: first.intents! }), {
        minutes: 30,
      }),
    );
    expect(again.intents?.lunchSnoozes).toEqual([{ date: '2026-11-25', until: '2026-11-25T11:45:00.000Z' }]);
  });
});
