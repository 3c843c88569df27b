import { describe, expect, it } from 'vitest';
import { focusExtend } from '../../../../shared/commands/focusExtend';
import { withFocus } from '../domainFixtures';
import { accepted, apply, contextAt } from './commandFixtures';

describe('focus.extend', () => {
  it('adds minutes to the running block', () => {
    const context = contextAt('2026-11-25T10:10', { intents: withFocus('2026-11-25T10:00+01:00', 25) });
    const outcome = accepted(apply(focusExtend, 'focus.extend', context, { minutes: 10 }));
    expect(outcome.value).toEqual({ id: 'f1', endsAt: '2026-11-25T10:35:00.000+01:00' });
    expect(outcome.intents?.focus[0]?.plannedMinutes).toBe(35);
  });

  it('refuses when nothing runs, and when the longer block would run into a planned one', () => {
    expect(apply(focusExtend, 'focus.extend', contextAt('2026-11-25T10:10'), { minutes: 10 })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    const intents = withFocus('2026-11-25T10:00+01:00', 25);
    intents.focus.push({ id: 'f2', startAt: '2026-11-25T09:30:00.000Z', plannedMinutes: 30 });
    expect(
      apply(focusExtend, 'focus.extend', contextAt('2026-11-25T10:10', { intents }), { minutes: 10 }),
    ).toMatchObject({ ok: false, message: 'Extending would run into the focus block planned at 10:30.' });
  });
});

describe('focus.extend limits', () => {
  it('refuses to grow a block past 24 hours, saying how much is left', () => {
    const context = contextAt('2026-11-25T10:10', { intents: withFocus('2026-11-25T10:00+01:00', 720) });
    const grown = accepted(apply(focusExtend, 'focus.extend', context, { minutes: 700 }));
    expect(
      apply(focusExtend, 'focus.extend', contextAt('2026-11-25T10:20', { intents: grown.intents! }), {
        minutes: 30,
      }),
    ).toEqual({
      ok: false,
      error: 'invalid_input',
      message: 'A focus block lasts 24 hours at most; this one can grow by 20 more minutes.',
    });
  });
});
