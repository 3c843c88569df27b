import { describe, expect, it } from 'vitest';
import { teammatesAdd } from '../../../../shared/commands/teammatesAdd';
import { DEFAULT_TEAMMATE_WEEK } from '../../../../shared/intents';
import { accepted, apply, contextAt } from './commandFixtures';

describe('teammates.add', () => {
  it('adds a teammate with the default week unless one is given', () => {
    const outcome = accepted(
      apply(teammatesAdd, 'teammates.add', contextAt('2026-11-25T10:00'), {
        name: 'Ana',
        timeZone: 'Europe/Lisbon',
      }),
    );
    expect(outcome.value).toEqual({
      id: 'id1',
      name: 'Ana',
      timeZone: 'Europe/Lisbon',
      week: DEFAULT_TEAMMATE_WEEK,
      weekendDays: [6, 7],
      source: 'manual',
    });
    expect(outcome.intents?.teammates).toEqual([outcome.value]);
    const friday = accepted(
      apply(teammatesAdd, 'teammates.add', contextAt('2026-11-25T10:00', { intents: outcome.intents! }), {
        name: 'Omar',
        timeZone: 'Asia/Dubai',
        weekendDays: [5, 6],
        email: 'omar@example.com',
      }),
    );
    expect(friday.intents?.teammates.map((t) => [t.name, t.weekendDays, t.email])).toEqual([
      ['Ana', [6, 7], undefined],
      ['Omar', [5, 6], 'omar@example.com'],
    ]);
  });
});
