import { describe, expect, it } from 'vitest';
import { awayClear } from '../../../../shared/commands/awayClear';
import { emptyIntents } from '../../../../shared/intents';
import { accepted, apply, contextAt } from './commandFixtures';

describe('away.clear', () => {
  it('clears an away period and keeps everything else', () => {
    const intents = {
      ...emptyIntents(),
      away: { from: '2026-11-25T09:00:00.000Z', until: '2026-11-25T13:00:00.000Z', reason: '' },
    };
    const outcome = accepted(apply(awayClear, 'away.clear', contextAt('2026-11-25T10:00', { intents }), {}));
    expect(outcome.intents).toEqual({ ...intents, away: null });
  });
});
