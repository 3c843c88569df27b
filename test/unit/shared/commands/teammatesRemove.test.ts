import { describe, expect, it } from 'vitest';
import { teammatesAdd } from '../../../../shared/commands/teammatesAdd';
import { teammatesRemove } from '../../../../shared/commands/teammatesRemove';
import { accepted, apply, contextAt } from './commandFixtures';

describe('teammates.remove', () => {
  it('removes a teammate by id, and says so when there is no such teammate', () => {
    const added = accepted(
      apply(teammatesAdd, 'teammates.add', contextAt('2026-11-25T10:00'), {
        name: 'Ana',
        timeZone: 'Europe/Lisbon',
      }),
    );
    const context = contextAt('2026-11-25T10:01', { intents: added.intents! });
    const removed = accepted(apply(teammatesRemove, 'teammates.remove', context, { id: 'id1' }));
    expect(removed.intents?.teammates).toEqual([]);
    // The answer is the teammate as it was, so that the window can offer to bring them back.
    expect(removed.value).toMatchObject({
      id: 'id1',
      name: 'Ana',
      timeZone: 'Europe/Lisbon',
      source: 'manual',
    });
    expect(apply(teammatesRemove, 'teammates.remove', context, { id: 'nobody' })).toEqual({
      ok: false,
      error: 'not_found',
      message: 'No teammate has that id.',
    });
  });
});
