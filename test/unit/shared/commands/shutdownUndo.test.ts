import { describe, expect, it } from 'vitest';
import { shutdownComplete } from '../../../../shared/commands/shutdownComplete';
import { shutdownUndo } from '../../../../shared/commands/shutdownUndo';
import { withFocus } from '../domainFixtures';
import { accepted, apply, contextAt } from './commandFixtures';

describe('shutdown.undo', () => {
  it('reopens a day closed by mistake within five minutes, and the focus block it stopped runs on', () => {
    const context = contextAt('2026-11-27T14:10', { intents: withFocus('2026-11-27T14:00+01:00', 50) });
    const closed = accepted(apply(shutdownComplete, 'shutdown.complete', context, {}));
    const reopened = accepted(
      apply(shutdownUndo, 'shutdown.undo', contextAt('2026-11-27T14:14', { intents: closed.intents! }), {}),
    );
    expect(reopened.value).toEqual({ workday: '2026-11-27' });
    expect(reopened.intents?.shutdowns).toEqual([]);
    expect(reopened.intents?.focus[0]?.stoppedAt).toBeUndefined();
  });

  it('keeps a day closed more than five minutes ago closed, and says why', () => {
    const closed = accepted(apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-27T17:30'), {}));
    expect(
      apply(shutdownUndo, 'shutdown.undo', contextAt('2026-11-27T17:36', { intents: closed.intents! }), {}),
    ).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'A closed day can be reopened only in the first 5 minutes after closing it.',
    });
    expect(apply(shutdownUndo, 'shutdown.undo', contextAt('2026-11-27T17:36'), {})).toMatchObject({
      ok: false,
      message: 'There is no closed day to reopen.',
    });
  });
});
