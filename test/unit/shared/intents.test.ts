import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEAMMATE_WEEK,
  emptyIntents,
  INTENT_LIMITS,
  salvageIntents,
  unstorable,
} from '../../../shared/intents';

const block = (id: string, minutes = 25) => ({
  id,
  startAt: '2026-11-25T09:00:00.000Z',
  plannedMinutes: minutes,
});

describe('salvageIntents', () => {
  it('keeps a valid document as it is', () => {
    const intents = { ...emptyIntents(), focus: [block('a')] };
    expect(salvageIntents(intents)).toEqual({ intents, problems: [] });
  });

  it('sets one bad record aside, says which and why, and keeps every other record', () => {
    const teammate = {
      id: 't1',
      name: 'Ana',
      timeZone: 'Europe/Lisbon',
      week: DEFAULT_TEAMMATE_WEEK,
      weekendDays: [6, 7],
      source: 'manual',
    };
    const raw = {
      ...emptyIntents(),
      focus: [block('a'), block('b', 5000), block('c')],
      teammates: [teammate, { ...teammate, id: 't2', timeZone: 'Mars/Base' }],
      away: { from: 'yesterday' },
    };
    const { intents, problems } = salvageIntents(raw);
    expect(intents.focus.map((b) => b.id)).toEqual(['a', 'c']);
    expect(intents.teammates.map((t) => t.id)).toEqual(['t1']);
    expect(intents.away).toBeNull();
    expect(problems).toEqual([
      'focus[1]: use 1440 or less; set aside',
      'teammates[1]: not a known IANA time zone; set aside',
      'away: not valid; set aside',
    ]);
  });

  it('starts empty, and says so, when the file holds no document at all', () => {
    expect(salvageIntents([1, 2])).toEqual({
      intents: emptyIntents(),
      problems: ['the file holds no saved activity; it starts empty'],
    });
  });
});

describe('unstorable', () => {
  it('names what the stored schema would reject, and passes what it accepts', () => {
    const before = emptyIntents();
    expect(unstorable(before, { ...before, focus: [block('a')] })).toBeNull();
    expect(unstorable(before, { ...before, focus: [block('a', 2000)] })).toBe(
      'focus.plannedMinutes: use 1440 or less',
    );
    const held = Array.from({ length: INTENT_LIMITS.held + 1 }, (_, i) => ({
      title: `n${i}`,
      body: '',
      until: '2026-11-25T09:00:00.000Z',
    }));
    expect(unstorable(before, { ...before, held })).toBe('Cadence keeps at most 500 held.');
  });
});
