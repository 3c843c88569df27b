import { describe, expect, it } from 'vitest';
import { emptyIntents } from '../../../shared/intents';
import { duePrompts, nextDeadline } from '../../../shared/prompts';
import { at, iso, settingsIn, withFocus } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);

describe('duePrompts', () => {
  it('raises lunch inside the window only', () => {
    expect(duePrompts(at('2026-11-25T11:59', ZONE), settings, emptyIntents())).toEqual([]);
    const due = duePrompts(at('2026-11-25T12:00', ZONE), settings, emptyIntents());
    expect(due.map((p) => p.kind)).toEqual(['lunch']);
    expect(duePrompts(at('2026-11-25T13:31', ZONE), settings, emptyIntents())).toEqual([]);
  });

  it('does not interrupt a focus block with lunch', () => {
    const intents = withFocus(new Date(at('2026-11-25T11:50', ZONE)).toISOString(), 25);
    expect(duePrompts(at('2026-11-25T12:05', ZONE), settings, intents)).toEqual([]);
    expect(duePrompts(at('2026-11-25T12:16', ZONE), settings, intents).map((p) => p.kind)).toEqual(['lunch']);
  });

  it('hides lunch while snoozed and for good once skipped', () => {
    const intents = emptyIntents();
    intents.lunchSnoozes.push({
      date: '2026-11-25',
      until: new Date(at('2026-11-25T12:30', ZONE)).toISOString(),
    });
    expect(duePrompts(at('2026-11-25T12:10', ZONE), settings, intents)).toEqual([]);
    expect(duePrompts(at('2026-11-25T12:31', ZONE), settings, intents)).toHaveLength(1);
    intents.lunches.push({ date: '2026-11-25', status: 'skipped' });
    expect(duePrompts(at('2026-11-25T12:31', ZONE), settings, intents)).toEqual([]);
  });

  it('raises the shutdown ritual before the end of the day and keeps it up after', () => {
    expect(duePrompts(at('2026-11-25T17:19', ZONE), settings, emptyIntents())).toEqual([]);
    const due = duePrompts(at('2026-11-25T17:20', ZONE), settings, emptyIntents());
    expect(due.map((p) => p.kind)).toEqual(['shutdown']);
    expect(iso(due[0]!.endOfDay!, ZONE)).toBe('2026-11-25T17:30:00+01:00');
    expect(iso(due[0]!.snoozeLimit!, ZONE)).toBe('2026-11-25T18:00:00+01:00');
    expect(duePrompts(at('2026-11-25T19:00', ZONE), settings, emptyIntents()).map((p) => p.workday)).toEqual([
      '2026-11-25',
    ]);
  });

  it('lets the ritual go once the day is closed', () => {
    const intents = emptyIntents();
    intents.shutdowns.push({
      date: '2026-11-25',
      completedAt: new Date(at('2026-11-25T17:25', ZONE)).toISOString(),
      done: '',
      carryOver: '',
      priorities: [],
    });
    expect(duePrompts(at('2026-11-25T17:40', ZONE), settings, intents)).toEqual([]);
  });
});

describe('nextDeadline', () => {
  it('is the start of the lunch window during a morning of work', () => {
    expect(iso(nextDeadline(at('2026-11-25T10:00', ZONE), settings, emptyIntents()), ZONE)).toBe(
      '2026-11-25T12:00:00+01:00',
    );
  });

  it('is the end of a focus block that ends first', () => {
    const intents = withFocus(new Date(at('2026-11-25T10:00', ZONE)).toISOString(), 25);
    expect(iso(nextDeadline(at('2026-11-25T10:05', ZONE), settings, intents), ZONE)).toBe(
      '2026-11-25T10:25:00+01:00',
    );
  });

  it('sleeps from Friday evening to Monday morning in one timer', () => {
    const closed = emptyIntents();
    closed.shutdowns.push({
      date: '2026-11-27',
      completedAt: new Date(at('2026-11-27T17:30', ZONE)).toISOString(),
      done: '',
      carryOver: '',
      priorities: [],
    });
    expect(iso(nextDeadline(at('2026-11-27T18:00', ZONE), settings, closed), ZONE)).toBe(
      '2026-11-30T09:00:00+01:00',
    );
  });
});
