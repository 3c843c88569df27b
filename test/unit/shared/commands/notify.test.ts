import { describe, expect, it } from 'vitest';
import { notify } from '../../../../shared/commands/notify';
import { emptyIntents } from '../../../../shared/intents';
import { accepted, apply, contextAt } from './commandFixtures';

describe('notify', () => {
  it('delivers during working hours', () => {
    const outcome = accepted(
      apply(notify, 'notify', contextAt('2026-11-25T10:00'), { title: 'Build green' }),
    );
    expect(outcome.value).toEqual({ action: 'deliver', why: 'you are working' });
    expect(outcome.effects).toEqual([{ kind: 'notify', title: 'Build green', body: '' }]);
    expect(outcome.intents).toBeUndefined();
  });

  it('holds an ordinary message off hours until work resumes, and lets an urgent one through', () => {
    const held = accepted(
      apply(notify, 'notify', contextAt('2026-11-27T20:00'), { title: 'Weekly report', from: 'Lee' }),
    );
    expect(held.value).toMatchObject({ action: 'hold', until: '2026-11-30T09:00:00.000+01:00' });
    expect(held.intents?.held).toEqual([
      { title: 'Weekly report', body: '', from: 'Lee', until: '2026-11-30T08:00:00.000Z' },
    ]);
    expect(held.effects).toBeUndefined();
    const urgent = accepted(
      apply(notify, 'notify', contextAt('2026-11-27T20:00'), { title: 'Prod down', body: '!urgent' }),
    );
    expect(urgent.value).toEqual({ action: 'deliver', why: 'urgent by your team rules' });
  });
});

describe('notify limits', () => {
  it('keeps no more than 500 held notifications, and says so rather than failing later', () => {
    const held = Array.from({ length: 500 }, (_, i) => ({
      title: `n${i}`,
      body: '',
      until: '2026-11-30T08:00:00.000Z',
    }));
    const context = contextAt('2026-11-27T20:00', { intents: { ...emptyIntents(), held } });
    const outcome = accepted(apply(notify, 'notify', context, { title: 'One more' }));
    expect(outcome.value).toEqual({
      action: 'drop',
      why: '500 notifications are already held for your next working time; this one was not kept',
    });
    expect(outcome.intents).toBeUndefined();
  });
});
