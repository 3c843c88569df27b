import { describe, expect, it } from 'vitest';
import { awaySet } from '../../../../shared/commands/awaySet';
import { accepted, apply, contextAt } from './commandFixtures';

describe('away.set', () => {
  it('marks the user away from now until the given end', () => {
    const outcome = accepted(
      apply(awaySet, 'away.set', contextAt('2026-11-25T10:00'), {
        until: '2026-11-25T14:00:00+01:00',
        reason: 'Dentist',
      }),
    );
    expect(outcome.intents?.away).toEqual({
      from: '2026-11-25T09:00:00.000Z',
      until: '2026-11-25T13:00:00.000Z',
      reason: 'Dentist',
    });
  });

  it('refuses an end that has passed', () => {
    expect(
      apply(awaySet, 'away.set', contextAt('2026-11-25T10:00'), { until: '2026-11-25T08:00:00Z' }),
    ).toEqual({
      ok: false,
      error: 'invalid_input',
      message: 'Away needs an end in the future.',
    });
  });
});
