import { describe, expect, it } from 'vitest';
import { focusStart } from '../../../../shared/commands/focusStart';
import { settingsIn, withFocus } from '../domainFixtures';
import { accepted, apply, contextAt, ZONE } from './commandFixtures';

describe('focus.start', () => {
  it('starts a block of the default length now, answering its end in the working zone', () => {
    const outcome = accepted(apply(focusStart, 'focus.start', contextAt('2026-11-25T10:00'), {}));
    expect(outcome.value).toEqual({
      id: 'id1',
      startAt: '2026-11-25T10:00:00.000+01:00',
      endsAt: '2026-11-25T10:50:00.000+01:00',
    });
    expect(outcome.intents?.focus).toEqual([
      { id: 'id1', startAt: '2026-11-25T09:00:00.000Z', plannedMinutes: 50 },
    ]);
  });

  it('runs until a wall-clock time, in whole minutes', () => {
    const outcome = accepted(
      apply(focusStart, 'focus.start', contextAt('2026-11-25T10:00'), { until: '11:15' }),
    );
    expect(outcome.intents?.focus[0]?.plannedMinutes).toBe(75);
    expect(outcome.value.endsAt).toBe('2026-11-25T11:15:00.000+01:00');
  });

  it('refuses a time that has passed, a start in the past and a second block', () => {
    expect(apply(focusStart, 'focus.start', contextAt('2026-11-25T10:00'), { until: '09:30' })).toMatchObject(
      {
        ok: false,
        error: 'invalid_input',
        message: '09:30 has already passed today; pick a later time.',
      },
    );
    expect(
      apply(focusStart, 'focus.start', contextAt('2026-11-25T10:00'), { at: '2026-11-25T08:00:00Z' }),
    ).toMatchObject({ ok: false, error: 'invalid_input' });
    const running = contextAt('2026-11-25T10:10', { intents: withFocus('2026-11-25T10:00+01:00', 25) });
    expect(apply(focusStart, 'focus.start', running, {})).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'A focus block is already running until 10:25. Extend or stop it first.',
    });
  });

  it('refuses to overlap a block planned for later', () => {
    const planned = contextAt('2026-11-25T10:00', { intents: withFocus('2026-11-25T10:30+01:00', 30) });
    expect(apply(focusStart, 'focus.start', planned, { minutes: 45 })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'That overlaps the focus block planned at 10:30.',
    });
    expect(accepted(apply(focusStart, 'focus.start', planned, { minutes: 30 })).value.endsAt).toBe(
      '2026-11-25T10:30:00.000+01:00',
    );
  });

  it('says its times on the clock the user chose, and takes midnight as the end of today', () => {
    const twelve = { ...settingsIn(ZONE), clock: '12h' as const };
    const running = contextAt('2026-11-25T10:10', {
      intents: withFocus('2026-11-25T10:00+01:00', 25),
      settings: twelve,
    });
    expect(apply(focusStart, 'focus.start', running, {})).toMatchObject({
      message: expect.stringMatching(/^A focus block is already running until 10:25\sAM\./),
    });
    const passed = contextAt('2026-11-25T18:00', { settings: twelve });
    expect(apply(focusStart, 'focus.start', passed, { until: '17:00' })).toMatchObject({
      message: expect.stringMatching(/^5:00\sPM has already passed today/),
    });
    const late = accepted(apply(focusStart, 'focus.start', passed, { until: '00:00' }));
    expect(late.value.endsAt).toBe('2026-11-26T00:00:00.000+01:00');
  });
});
