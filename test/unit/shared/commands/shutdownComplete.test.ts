import { describe, expect, it } from 'vitest';
import { shutdownComplete } from '../../../../shared/commands/shutdownComplete';
import { withFocus } from '../domainFixtures';
import { accepted, apply, contextAt } from './commandFixtures';

describe('shutdown.complete', () => {
  it('closes the day, stops a running block and says when work resumes (after the weekend)', () => {
    const context = contextAt('2026-11-27T17:10', { intents: withFocus('2026-11-27T17:00+01:00', 50) });
    const outcome = accepted(
      apply(shutdownComplete, 'shutdown.complete', context, {
        done: 'Shipped the importer',
        priorities: ['Review', 'Plan'],
      }),
    );
    expect(outcome.value).toEqual({
      workday: '2026-11-27',
      offUntil: '2026-11-30T09:00:00.000+01:00',
      earlyMinutes: 20,
    });
    expect(outcome.intents?.shutdowns).toEqual([
      {
        date: '2026-11-27',
        completedAt: '2026-11-27T16:10:00.000Z',
        done: 'Shipped the importer',
        carryOver: '',
        priorities: ['Review', 'Plan'],
      },
    ]);
    expect(outcome.intents?.focus[0]?.stoppedAt).toBe('2026-11-27T16:10:00.000Z');
  });

  it('closes the workday that just ended when run in the evening, once', () => {
    const evening = accepted(apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T19:00'), {}));
    expect(evening.value.workday).toBe('2026-11-25');
    expect(
      apply(
        shutdownComplete,
        'shutdown.complete',
        contextAt('2026-11-25T19:05', { intents: evening.intents! }),
        {},
      ),
    ).toMatchObject({ ok: false, error: 'conflict' });
  });
});
