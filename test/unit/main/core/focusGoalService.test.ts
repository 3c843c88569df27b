import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../../shared/contract';
import type { DayPlanView } from '../../../../shared/statusView';
import { answerQuery } from '../../../../main/core/queries';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at, FIVE_HOUR_GOAL } from '../../shared/domainFixtures';

// Berlin, Mon–Fri 09:00–17:30, lunch from 12:00; a goal of 5 hours a week in blocks of 45 to 120 minutes.
const ZONE = 'Europe/Berlin';
const GOAL = FIVE_HOUR_GOAL;
const harnesses: Harness[] = [];

function open(dir: string, local: string): Harness {
  const harness = startService(dir, new FakeClock(at(local, ZONE), ZONE));
  harnesses.push(harness);
  return harness;
}

const run = (h: Harness, name: string, input: unknown = {}): ApiResult<unknown> => {
  const outcome = h.service.handleCommand(name, input);
  if (outcome instanceof Promise) throw new Error(`${name} answered asynchronously`);
  return outcome;
};

function plan(h: Harness): DayPlanView {
  const answer = answerQuery(h.service, 'plan', {}, { now: h.clock.now(), systemZone: ZONE });
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.service.dispose();
});

describe('the weekly focus goal in the service', () => {
  it('plans the week, writes each block down a quarter hour ahead, and starts it as focus', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE, { focusGoal: GOAL });
    const h = open(dir, '2026-11-23T08:00');
    const today = plan(h);
    const goalItems = today.items.filter((item) => item.kind === 'goal');
    expect(goalItems.map((item) => [item.start, item.end])).toEqual([
      ['2026-11-23T09:00:00.000+01:00', '2026-11-23T10:00:00.000+01:00'],
    ]);
    expect(today.goal).toMatchObject({ goalMinutes: 300, doneMinutes: 0, shortMinutes: 0 });
    expect(h.service.status().next).toBeNull(); // before hours: the headline says when work starts
    // The service wakes at 08:45 and writes the block down; at 09:00 it is focus.
    expect(h.service.nextDeadline).toBe(at('2026-11-23T08:45', ZONE));
    h.clock.advanceTo(at('2026-11-23T08:45', ZONE));
    expect(h.service.intents.focus.map((block) => block.id)).toEqual(['goal:2026-11-23:0']);
    expect(plan(h).items.filter((item) => item.kind === 'goal')).toEqual([]);
    h.clock.advanceTo(at('2026-11-23T09:00', ZONE));
    expect(h.service.status()).toMatchObject({ mode: 'focus', focus: { id: 'goal:2026-11-23:0' } });
    // A restart writes nothing twice.
    h.service.dispose();
    const again = open(dir, '2026-11-23T09:10');
    again.clock.advance(60_000);
    expect(again.service.intents.focus.filter((block) => block.id.startsWith('goal:'))).toHaveLength(1);
    expect(again.service.status().mode).toBe('focus');
  });

  it('a skipped block frees its time and is not planned again in the same place', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE, { focusGoal: GOAL });
    const h = open(dir, '2026-11-24T08:00');
    const first = plan(h).items.find((item) => item.kind === 'goal');
    expect(first).toBeDefined();
    expect(run(h, 'goal.skip', { key: first!.kind === 'goal' ? first!.key : '' }).ok).toBe(true);
    const after = plan(h).items.filter((item) => item.kind === 'goal');
    expect(after.some((item) => item.start === first!.start)).toBe(false);
    expect(run(h, 'goal.skip', { key: 'goal:2026-11-24:9' })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
  });

  it('a block written down and then cancelled stays skipped', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE, { focusGoal: GOAL });
    const h = open(dir, '2026-11-23T08:40');
    h.clock.advanceTo(at('2026-11-23T08:45', ZONE));
    expect(h.service.intents.focus.map((block) => block.id)).toEqual(['goal:2026-11-23:0']);
    expect(run(h, 'focus.cancel', { id: 'goal:2026-11-23:0' }).ok).toBe(true);
    expect(h.service.intents.focus).toEqual([]);
    expect(h.service.intents.goalSkips.map((skip) => skip.key)).toEqual(['goal:2026-11-23:0']);
    h.clock.advanceTo(at('2026-11-23T09:00', ZONE));
    expect(h.service.status().mode).toBe('working');
  });

  describe('with a one-click prompt instead of starting by itself', () => {
    const PROMPTED = { ...GOAL, start: 'prompt' as const };
    const goalPrompt = (h: Harness) => h.service.status().prompts.find((p) => p.kind === 'goalStart');

    it('offers the block at its time, and one click starts it as focus until its planned end', () => {
      const dir = tempDir();
      seedSettings(dir, ZONE, { focusGoal: PROMPTED });
      const h = open(dir, '2026-11-23T08:00');
      h.clock.advanceTo(at('2026-11-23T08:45', ZONE));
      // Held in place, not written as focus: nothing starts by itself.
      expect(h.service.intents.focus).toEqual([]);
      expect(h.service.intents.goalOffers.map((offer) => offer.key)).toEqual(['goal:2026-11-23:0']);
      expect(goalPrompt(h)).toBeUndefined();
      h.clock.advanceTo(at('2026-11-23T09:00', ZONE));
      expect(h.service.status().mode).toBe('working');
      expect(goalPrompt(h)).toMatchObject({
        goalKey: 'goal:2026-11-23:0',
        goalStart: '2026-11-23T09:00:00.000+01:00',
        windowEnd: '2026-11-23T10:00:00.000+01:00',
      });
      const shown = h.notifier.shown.filter((n) => n.title === 'Time for planned focus');
      expect(shown.map((n) => n.actions?.map((a) => a.label))).toEqual([['Start focus', 'Skip']]);
      const waiting = plan(h).goal;
      h.clock.advanceTo(at('2026-11-23T09:05', ZONE));
      expect(run(h, 'goal.start', { key: 'goal:2026-11-23:0' })).toMatchObject({
        ok: true,
        value: { endsAt: '2026-11-23T10:00:00.000+01:00' },
      });
      expect(h.service.status()).toMatchObject({ mode: 'focus', focus: { id: 'goal:2026-11-23:0' } });
      expect(goalPrompt(h)).toBeUndefined();
      // Started five minutes late, it ends where it was planned; the five minutes go to the other days.
      const after = plan(h).goal!;
      const minutesAhead = (blocks: typeof after.ahead) =>
        blocks.reduce((sum, b) => sum + (Date.parse(b.end) - Date.parse(b.start)) / 60_000, 0);
      expect(minutesAhead(waiting!.ahead)).toBe(300);
      // Done is what the week's days count (none yet at 09:05); the running block's 55 minutes are to come.
      expect(after.doneMinutes).toBe(0);
      expect(after.handPlannedMinutes).toBe(55);
      expect(after.doneMinutes + after.handPlannedMinutes + minutesAhead(after.ahead)).toBe(300);
      expect(run(h, 'goal.start', { key: 'goal:2026-11-23:0' })).toMatchObject({ ok: false });
    });

    it('a block left unanswered passes, and its hours go back to the rest of the week; Skip frees it at once', () => {
      const dir = tempDir();
      seedSettings(dir, ZONE, { focusGoal: PROMPTED });
      const h = open(dir, '2026-11-23T08:00');
      h.clock.advanceTo(at('2026-11-23T09:30', ZONE));
      expect(goalPrompt(h)).toBeDefined();
      h.clock.advanceTo(at('2026-11-23T10:00', ZONE));
      expect(goalPrompt(h)).toBeUndefined();
      expect(h.service.status().mode).toBe('working');
      const week = plan(h).goal!;
      expect(week).toMatchObject({ doneMinutes: 0, shortMinutes: 0 });
      const ahead = week.ahead.reduce((sum, b) => sum + (Date.parse(b.end) - Date.parse(b.start)), 0);
      expect(ahead / 60_000).toBe(300);
      // Tuesday's block: skipped from the prompt, nothing runs and the slot goes free.
      h.clock.advanceTo(at('2026-11-24T09:00', ZONE));
      const key = goalPrompt(h)?.goalKey;
      expect(key).toMatch(/^goal:2026-11-24:/);
      expect(run(h, 'goal.skip', { key: key! }).ok).toBe(true);
      expect(goalPrompt(h)).toBeUndefined();
      expect(h.service.status().mode).toBe('working');
    });
  });
});
