import { describe, expect, it } from 'vitest';
import { earlyCloseWords } from '../../../shared/closing';
import { lunchSnooze } from '../../../shared/commands/lunchSnooze';
import { shutdownComplete } from '../../../shared/commands/shutdownComplete';
import { shutdownSnooze } from '../../../shared/commands/shutdownSnooze';
import { emptyIntents } from '../../../shared/intents';
import { accepted, apply, contextAt } from './commands/commandFixtures';

describe('closing the day early (Berlin, 09:00–17:30)', () => {
  it('says how early, and what that means for the rest of the day', () => {
    const closed = accepted(apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T10:05'), {}));
    expect(closed.value.earlyMinutes).toBe(445);
    expect(earlyCloseWords(closed.value.earlyMinutes)).toBe(
      'Closed 7 h 25 min early: the rest of today is yours, with no lunch or end-of-day prompts.',
    );
    expect(earlyCloseWords(closed.value.earlyMinutes, 'Day closed')).toMatch(
      /^Day closed 7 h 25 min early: /,
    );
    // Closing near the end is no news.
    const onTime = accepted(apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T17:20'), {}));
    expect(earlyCloseWords(onTime.value.earlyMinutes)).toBeNull();
  });

  it('ends the day’s snoozes, and nothing can be snoozed once it is closed', () => {
    const intents = emptyIntents();
    intents.lunchSnoozes.push({ date: '2026-11-25', until: '2026-11-25T11:12:00.000Z' });
    const closed = accepted(
      apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T10:05', { intents }), {}),
    );
    expect(closed.intents?.lunchSnoozes).toEqual([]);
    const after = contextAt('2026-11-25T10:06', { intents: closed.intents! });
    const refused = {
      ok: false,
      error: 'conflict',
      message: 'You closed the day, so there is nothing to snooze: Cadence asks nothing more of it.',
    };
    expect(apply(lunchSnooze, 'lunch.snooze', after, { minutes: 7 })).toMatchObject(refused);
    expect(apply(shutdownSnooze, 'shutdown.snooze', after, { minutes: 10 })).toMatchObject(refused);
  });
});
