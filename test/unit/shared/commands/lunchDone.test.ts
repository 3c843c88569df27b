import { describe, expect, it } from 'vitest';
import { lunchDone } from '../../../../shared/commands/lunchDone';
import { lunchStart } from '../../../../shared/commands/lunchStart';
import { accepted, apply, contextAt } from './commandFixtures';

describe('lunch.done', () => {
  it('ends lunch early, and refuses when the user is not at lunch', () => {
    expect(apply(lunchDone, 'lunch.done', contextAt('2026-11-25T12:10'), {})).toMatchObject({
      ok: false,
      message: 'You are not at lunch right now.',
    });
    const started = accepted(apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:00'), {})).intents!;
    const done = accepted(
      apply(lunchDone, 'lunch.done', contextAt('2026-11-25T12:30', { intents: started }), {}),
    );
    expect(done.intents?.lunches[0]?.endedAt).toBe('2026-11-25T11:30:00.000Z');
    expect(
      apply(lunchDone, 'lunch.done', contextAt('2026-11-25T12:50', { intents: started }), {}),
    ).toMatchObject({
      ok: false,
    });
  });
});
