import { describe, expect, it } from 'vitest';
import { lunchSkip } from '../../../../shared/commands/lunchSkip';
import { lunchStart } from '../../../../shared/commands/lunchStart';
import { accepted, apply, contextAt } from './commandFixtures';

describe('lunch.skip', () => {
  it('records a skipped lunch for today, replacing one that was started', () => {
    const started = accepted(apply(lunchStart, 'lunch.start', contextAt('2026-11-25T12:00'), {})).intents!;
    const skipped = accepted(
      apply(lunchSkip, 'lunch.skip', contextAt('2026-11-25T12:01', { intents: started }), {}),
    );
    expect(skipped.value).toBeNull();
    expect(skipped.intents?.lunches).toEqual([{ date: '2026-11-25', status: 'skipped' }]);
  });
});
