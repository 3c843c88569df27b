import { describe, expect, it } from 'vitest';
import { focusStop } from '../../../../shared/commands/focusStop';
import { withFocus } from '../domainFixtures';
import { accepted, apply, contextAt } from './commandFixtures';

describe('focus.stop', () => {
  it('stops the running block now and says how long it lasted', () => {
    const context = contextAt('2026-11-25T10:12', { intents: withFocus('2026-11-25T10:00+01:00', 25) });
    const outcome = accepted(apply(focusStop, 'focus.stop', context, {}));
    expect(outcome.value).toEqual({ id: 'f1', focusedMinutes: 12 });
    expect(outcome.intents?.focus[0]?.stoppedAt).toBe('2026-11-25T09:12:00.000Z');
  });

  it('refuses when no block runs, changing nothing', () => {
    const context = contextAt('2026-11-25T10:40', { intents: withFocus('2026-11-25T10:00+01:00', 25) });
    expect(apply(focusStop, 'focus.stop', context, {})).toEqual({
      ok: false,
      error: 'conflict',
      message: 'No focus block is running.',
    });
  });
});
