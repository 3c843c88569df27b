import { describe, expect, it } from 'vitest';
import { shutdownBegin } from '../../../../shared/commands/shutdownBegin';
import { shutdownComplete } from '../../../../shared/commands/shutdownComplete';
import { accepted, apply, contextAt } from './commandFixtures';

describe('shutdown.begin', () => {
  it('raises the ritual prompt for the workday under way, with its end and snooze limit', () => {
    const outcome = accepted(apply(shutdownBegin, 'shutdown.begin', contextAt('2026-11-25T16:00'), {}));
    const prompt = {
      kind: 'shutdown',
      key: 'shutdown:2026-11-25:manual',
      workday: '2026-11-25',
      endOfDay: '2026-11-25T17:30:00.000+01:00',
      snoozeLimit: '2026-11-25T18:00:00.000+01:00',
      windowEnd: null,
    };
    expect(outcome.value).toEqual(prompt);
    expect(outcome.effects).toEqual([{ kind: 'prompt', prompt }]);
    expect(outcome.intents).toBeUndefined();
  });

  it('refuses once the day is closed', () => {
    const closed = accepted(apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T17:20'), {}));
    expect(
      apply(shutdownBegin, 'shutdown.begin', contextAt('2026-11-25T17:40', { intents: closed.intents! }), {}),
    ).toMatchObject({ ok: false, message: 'You already closed this workday.' });
  });
});
