import { describe, expect, it } from 'vitest';
import { focusCancel, focusMove } from '../../../shared/commands/focusPlanned';
import { prioritiesTick } from '../../../shared/commands/prioritiesTick';
import { shutdownComplete } from '../../../shared/commands/shutdownComplete';
import { dayPlan, nextUp } from '../../../shared/dayPlan';
import { emptyIntents, type Intents } from '../../../shared/intents';
import { accepted, apply, contextAt, ZONE } from './commands/commandFixtures';
import { at, FIVE_HOUR_GOAL, settingsIn } from './domainFixtures';

const settings = settingsIn(ZONE);
const isoAt = (local: string) => new Date(at(local, ZONE)).toISOString();

/** Monday 23 November closed with two priorities for Tuesday. */
function closedMonday(): Intents {
  const intents = emptyIntents();
  intents.shutdowns.push({
    date: '2026-11-23',
    completedAt: isoAt('2026-11-23T17:30'),
    done: '',
    carryOver: '',
    priorities: ['Ship the importer', 'Review Ana’s PR'],
  });
  return intents;
}

describe('the day’s priorities', () => {
  it('are ticked on the day, and what is not done is carried with the day it was first meant for', () => {
    let intents = closedMonday();
    const tuesday = dayPlan('2026-11-24', at('2026-11-24T10:00', ZONE), settings, intents);
    expect(tuesday.agenda).toEqual({
      items: [
        { text: 'Ship the importer', from: null, done: false },
        { text: 'Review Ana’s PR', from: null, done: false },
      ],
      setOn: '2026-11-23',
      meantFor: null,
      notes: '',
      nextWorkday: null,
    });
    intents = accepted(
      apply(prioritiesTick, 'priorities.tick', contextAt('2026-11-24T11:00', { intents }), {
        setOn: '2026-11-23',
        text: 'Review Ana’s PR',
        done: true,
      }),
    ).intents!;
    expect(dayPlan('2026-11-24', at('2026-11-24T11:00', ZONE), settings, intents).agenda.items[1]?.done).toBe(
      true,
    );
    // Tuesday closes: the importer goes on, with a new priority.
    intents = accepted(
      apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-24T17:30', { intents }), {
        priorities: ['Write the release notes'],
        carry: ['Ship the importer'],
      }),
    ).intents!;
    const wednesday = dayPlan('2026-11-25', at('2026-11-25T09:00', ZONE), settings, intents);
    expect(wednesday.agenda.items).toEqual([
      { text: 'Write the release notes', from: null, done: false },
      { text: 'Ship the importer', from: '2026-11-24', done: false },
    ]);
    // Carried again on Wednesday, it still says Tuesday.
    intents = accepted(
      apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-25T17:30', { intents }), {
        carry: ['Ship the importer'],
      }),
    ).intents!;
    expect(dayPlan('2026-11-26', at('2026-11-26T09:00', ZONE), settings, intents).agenda.items).toEqual([
      { text: 'Ship the importer', from: '2026-11-24', done: false },
    ]);
  });

  it('are labelled with the day they were meant for when that day was never closed', () => {
    const intents = closedMonday();
    const thursday = dayPlan('2026-11-26', at('2026-11-26T09:00', ZONE), settings, intents);
    expect(thursday.agenda.meantFor).toBe('2026-11-24');
    expect(thursday.agenda.items).toHaveLength(2);
    // Over a weekend nothing was skipped: Friday's list is Monday's.
    const friday = emptyIntents();
    friday.shutdowns.push({ ...closedMonday().shutdowns[0]!, date: '2026-11-27' });
    expect(dayPlan('2026-11-30', at('2026-11-30T09:00', ZONE), settings, friday).agenda.meantFor).toBeNull();
  });

  it('refuses to tick or carry what is not on the list', () => {
    const intents = closedMonday();
    expect(
      apply(prioritiesTick, 'priorities.tick', contextAt('2026-11-24T11:00', { intents }), {
        setOn: '2026-11-23',
        text: 'Something else',
        done: true,
      }),
    ).toMatchObject({ ok: false, message: '“Something else” is not on that list of priorities.' });
    expect(
      apply(shutdownComplete, 'shutdown.complete', contextAt('2026-11-24T17:30', { intents }), {
        carry: ['Something else'],
      }),
    ).toMatchObject({ ok: false, error: 'invalid_input' });
  });
});

describe('lunch on the plan', () => {
  const lunchOf = (intents: Intents, local: string) =>
    dayPlan('2026-11-25', at(local, ZONE), settings, intents).items.find((item) => item.kind === 'lunch');

  it('starts when asked, never in the past: the banner’s “45 minutes” and the timeline agree', () => {
    expect(lunchOf(emptyIntents(), '2026-11-25T11:00')).toMatchObject({
      start: at('2026-11-25T12:00', ZONE),
      end: at('2026-11-25T12:45', ZONE),
      state: 'planned',
    });
    expect(lunchOf(emptyIntents(), '2026-11-25T12:20:30')).toMatchObject({
      start: at('2026-11-25T12:20', ZONE),
      end: at('2026-11-25T13:05', ZONE),
    });
    const snoozed = emptyIntents();
    snoozed.lunchSnoozes.push({ date: '2026-11-25', until: isoAt('2026-11-25T12:30') });
    expect(lunchOf(snoozed, '2026-11-25T12:10')).toMatchObject({ start: at('2026-11-25T12:30', ZONE) });
    expect(lunchOf(emptyIntents(), '2026-11-25T15:00')).toMatchObject({ state: 'missed' });
  });

  it('moves past a planned focus block, and says so on the block when the window has no room', () => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'f', startAt: isoAt('2026-11-25T11:45'), plannedMinutes: 50 });
    expect(lunchOf(intents, '2026-11-25T10:00')).toMatchObject({ start: at('2026-11-25T12:35', ZONE) });
    // A block over the whole window (12:00–13:30 starts): lunch cannot move, the block is flagged.
    const long = emptyIntents();
    long.focus.push({ id: 'g', startAt: isoAt('2026-11-25T11:30'), plannedMinutes: 150 });
    const plan = dayPlan('2026-11-25', at('2026-11-25T10:00', ZONE), settings, long);
    expect(plan.items.find((item) => item.kind === 'focus')).toMatchObject({ overlapsLunch: true });
    expect(plan.items.find((item) => item.kind === 'lunch')).toMatchObject({
      start: at('2026-11-25T12:00', ZONE),
    });
  });
});

describe('planned focus blocks', () => {
  const planned = (): Intents => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'p', startAt: isoAt('2026-11-25T14:00'), plannedMinutes: 50 });
    intents.focus.push({ id: 'q', startAt: isoAt('2026-11-25T16:00'), plannedMinutes: 25 });
    return intents;
  };

  it('can be cancelled before they start, and not after', () => {
    const outcome = accepted(
      apply(focusCancel, 'focus.cancel', contextAt('2026-11-25T10:00', { intents: planned() }), { id: 'p' }),
    );
    expect(outcome.intents?.focus.map((block) => block.id)).toEqual(['q']);
    expect(
      apply(focusCancel, 'focus.cancel', contextAt('2026-11-25T14:10', { intents: planned() }), { id: 'p' }),
    ).toMatchObject({
      ok: false,
      message: 'That focus block has already started: stop it or extend it instead.',
    });
  });

  it('can be moved, keeping their length, but not onto another block or into the past', () => {
    const context = contextAt('2026-11-25T10:00', { intents: planned() });
    const moved = accepted(
      apply(focusMove, 'focus.move', context, { id: 'p', at: isoAt('2026-11-25T10:30') }),
    );
    expect(moved.value).toEqual({
      id: 'p',
      startAt: '2026-11-25T10:30:00.000+01:00',
      endsAt: '2026-11-25T11:20:00.000+01:00',
    });
    expect(apply(focusMove, 'focus.move', context, { id: 'p', at: isoAt('2026-11-25T15:30') })).toMatchObject(
      {
        ok: false,
        message: 'That overlaps the focus block at 16:00–16:25.',
      },
    );
    expect(apply(focusMove, 'focus.move', context, { id: 'p', at: isoAt('2026-11-25T09:00') })).toMatchObject(
      {
        ok: false,
        error: 'invalid_input',
      },
    );
  });
});

describe('what comes next', () => {
  it('counts a block the weekly focus goal planned, not only lunch', () => {
    // Monday 23 November, 07:00: five hours a week, in the mornings; the first block is at 9:00.
    const withGoal = { ...settings, focusGoal: FIVE_HOUR_GOAL };
    const now = at('2026-11-23T07:30', ZONE);
    const plan = dayPlan('2026-11-23', now, withGoal, emptyIntents(), []);
    const firstGoal = plan.items.find((item) => item.kind === 'goal');
    expect(firstGoal).toBeDefined();
    const next = nextUp(now, at('2026-11-23T17:30', ZONE), '2026-11-23', withGoal, emptyIntents(), []);
    expect(next).toEqual({ kind: 'focus', start: firstGoal!.start, title: null });
  });

  it('is the next planned block, meeting or lunch before the end of the working stretch', () => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'p', startAt: isoAt('2026-11-25T14:00'), plannedMinutes: 50 });
    const end = at('2026-11-25T17:30', ZONE);
    const next = (local: string) => nextUp(at(local, ZONE), end, '2026-11-25', settings, intents, []);
    expect(next('2026-11-25T10:00')).toEqual({
      kind: 'lunch',
      start: at('2026-11-25T12:00', ZONE),
      title: null,
    });
    // Lunch due now is the prompt's business: next is the block.
    expect(next('2026-11-25T12:05')).toEqual({
      kind: 'focus',
      start: at('2026-11-25T14:00', ZONE),
      title: null,
    });
    expect(next('2026-11-25T15:00')).toBeNull();
    const meeting = [
      {
        id: 'm',
        title: 'Planning',
        start: at('2026-11-25T13:00', ZONE),
        end: at('2026-11-25T13:30', ZONE),
        source: 'manual' as const,
      },
    ];
    expect(nextUp(at('2026-11-25T12:05', ZONE), end, '2026-11-25', settings, intents, meeting)).toMatchObject(
      {
        kind: 'meeting',
        title: 'Planning',
      },
    );
  });
});
