import { describe, expect, it } from 'vitest';
import { availabilityAt } from '../../../shared/availability';
import { lunchStart } from '../../../shared/commands/lunchStart';
import type { CommandContext } from '../../../shared/commands/command';
import { dayPlan } from '../../../shared/dayPlan';
import { desiredState } from '../../../shared/desired';
import { emptyIntents, type Intents } from '../../../shared/intents';
import { duePrompts } from '../../../shared/prompts';
import { toStatusView, withDueLunchFromNow, toDayPlanView } from '../../../shared/statusView';
import { headline } from '../../../shared/words';
import { minutesLeft, nextDeadlineText } from '../../../main/electron/trayModel';
import { at, settingsIn } from './domainFixtures';

// Lunch may start 12:00–12:30 for 45 minutes; a focus block is planned at 12:45, so the window is full.
const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE, {
  lunch: { enabled: true, earliestStart: '12:00', latestStart: '12:30', minutes: 45 },
});
const isoAt = (local: string) => new Date(at(local, ZONE)).toISOString();
const LATE = at('2026-11-25T12:05:30', ZONE);

function planned(): Intents {
  const intents = emptyIntents();
  intents.focus.push({ id: 'p', startAt: isoAt('2026-11-25T12:45'), plannedMinutes: 50 });
  return intents;
}

function started(intents: Intents): Intents {
  const context: CommandContext = {
    intents,
    settings,
    now: LATE,
    calendar: [],
    newId: () => 'id',
    knowsHolidays: () => false,
  };
  const outcome = lunchStart(context, {});
  if (!outcome.ok || !outcome.intents) throw new Error('lunch did not start');
  expect(outcome.value.until).toBe('2026-11-25T12:50:00.000+01:00');
  return outcome.intents;
}

describe('one end for a lunch started late', () => {
  it('is the same before it starts, in the plan, the headline, the tray and the pushed status', () => {
    const before = planned();
    expect(duePrompts(LATE, settings, before).map((p) => p.kind)).toContain('lunch');
    // The plan computed at 12:00 when the prompt came, seen at 12:05:30: lunch from now.
    const atNoon = toDayPlanView(dayPlan('2026-11-25', at('2026-11-25T12:00', ZONE), settings, before));
    const lunchBefore = withDueLunchFromNow(atNoon, LATE).items.find((item) => item.kind === 'lunch');
    expect([lunchBefore?.start, lunchBefore?.end]).toEqual([
      '2026-11-25T12:05:00.000+01:00',
      '2026-11-25T12:50:00.000+01:00',
    ]);

    const during = started(before);
    const availability = availabilityAt(LATE, settings, during);
    const status = toStatusView(LATE, availability, [], [], ZONE);
    expect(status.lunch?.endsAt).toBe('2026-11-25T12:50:00.000+01:00');
    expect(headline(status, LATE, 'en-GB')).toBe('At lunch until 12:50.');
    expect(nextDeadlineText(status, 'en-GB')).toBe('Lunch ends at 12:50');
    expect(minutesLeft(status, LATE)).toBe(45);
    expect(desiredState(availability, settings, LATE).statusText).toMatch(/^At lunch until 12:50/);

    const plan = dayPlan('2026-11-25', LATE, settings, during);
    const lunch = plan.items.find((item) => item.kind === 'lunch');
    expect([lunch?.start, lunch?.end]).toEqual([at('2026-11-25T12:05', ZONE), at('2026-11-25T12:50', ZONE)]);
    // The block planned into lunch stays flagged once lunch has started.
    const block = plan.items.find((item) => item.kind === 'focus');
    expect(block?.kind === 'focus' && block.overlapsLunch).toBe(true);
  });

  it('ends on the minute it says: the status changes at 12:50:00', () => {
    const during = started(emptyIntents());
    expect(availabilityAt(at('2026-11-25T12:49:59', ZONE), settings, during).mode).toBe('lunch');
    expect(availabilityAt(at('2026-11-25T12:50:00', ZONE), settings, during).mode).toBe('working');
  });
});
