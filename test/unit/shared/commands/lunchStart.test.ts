import { describe, expect, it } from 'vitest';
import { lunchStart } from '../../../../shared/commands/lunchStart';
import { withFocus } from '../domainFixtures';
import { accepted, apply, contextAt } from './commandFixtures';

describe('lunch.start', () => {
  it('starts lunch for today with the usual length, or the one asked for', () => {
    const usual = accepted(apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:05'), {}));
    expect(usual.value).toEqual({ until: '2026-11-25T12:50:00.000+01:00' });
    expect(usual.intents?.lunches).toEqual([
      { date: '2026-11-25', status: 'taken', startedAt: '2026-11-25T11:05:00.000Z', minutes: 45 },
    ]);
    const short = accepted(apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:05'), { minutes: 20 }));
    expect(short.value.until).toBe('2026-11-25T12:25:00.000+01:00');
  });

  it('refuses during lunch and during a focus block', () => {
    const atLunch = accepted(apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:05'), {})).intents;
    expect(
      apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:10', { intents: atLunch! }), {}),
    ).toMatchObject({ ok: false, message: 'You are already at lunch until 12:50.' });
    const focusing = contextAt('2026-11-25T12:05', { intents: withFocus('2026-11-25T12:00+01:00', 25) });
    expect(apply(lunchStart, 'lunch.start', focusing, {})).toMatchObject({
      ok: false,
      message: 'You are focusing until 12:25; stop the block before lunch.',
    });
  });
});
