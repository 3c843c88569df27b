import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  defaultSettings,
  ENDS_AFTER_START,
  ENDS_BEFORE_START,
  loadSettings,
  SAME_START_AND_END,
  sharedWorkdayHours,
  withExplicitNights,
  withWorkdayHours,
} from '../../../shared/settings';
import { patternOf, spansOn } from '../../../shared/workPattern';
import { at } from './domainFixtures';
import { countDateTimeFormats } from '../../fakes/intlCounter';

describe('settings', () => {
  it('keeps valid fields and resets only the broken ones, saying which', () => {
    const raw = {
      ...defaultSettings('Europe/Berlin'),
      lunch: { minutes: 'forty' },
      homeTimeZone: 'Mars/Olympus',
    };
    const loaded = loadSettings(raw, 'UTC');
    expect(loaded.settings.lunch.minutes).toBe(45);
    expect(loaded.settings.workTimeZone).toBe('Europe/Berlin');
    expect(loaded.settings.homeTimeZone).toBe('UTC');
    expect(loaded.problems.map((p) => p.path).sort()).toEqual(
      ['homeTimeZone', 'lunch.earliestStart', 'lunch.enabled', 'lunch.latestStart', 'lunch.minutes'].sort(),
    );
  });

  it('migrates version 1 files (one zone) to the current version', () => {
    const v1 = { version: 1, timeZone: 'Asia/Tokyo', onboarded: true };
    const loaded = loadSettings(v1, 'UTC');
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.settings.homeTimeZone).toBe('Asia/Tokyo');
    expect(loaded.settings.workTimeZone).toBe('Asia/Tokyo');
    expect(loaded.settings.onboarded).toBe(true);
    expect(loaded.problems).toEqual([]);
  });

  it('accepts a desktop shortcut only in accelerator form', () => {
    const current = defaultSettings('UTC');
    expect(applySettingsPatch(current, { focusShortcut: 'Ctrl+Shift+F9' }).ok).toBe(true);
    const bad = applySettingsPatch(current, { focusShortcut: 'press F' });
    expect(!bad.ok && bad.problems).toEqual([
      { path: 'focusShortcut', message: 'use a shortcut like CommandOrControl+Alt+F' },
    ]);
  });

  it('applies a patch all or nothing', () => {
    const current = defaultSettings('UTC');
    const bad = applySettingsPatch(current, {
      lunch: { ...current.lunch, earliestStart: '14:00', latestStart: '12:00' },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]?.path).toBe('lunch.latestStart');
    const good = applySettingsPatch(current, { workTimeZone: 'America/Chicago' });
    expect(good.ok && good.settings.workTimeZone).toBe('America/Chicago');
  });

  describe('night shifts', () => {
    const night = { start: '22:00', end: '06:00' };
    const weekOf = (span: object) => ({ ...defaultSettings('UTC').week, '1': [span] });

    it('reads a file written before the tick box: an end before the start still ends the next day', () => {
      const old = { ...defaultSettings('Europe/Berlin'), onboarded: true, week: weekOf(night) };
      const loaded = loadSettings(JSON.parse(JSON.stringify(old)), 'UTC');
      expect(loaded.problems).toEqual([]);
      const [span] = spansOn('2026-11-23', patternOf(loaded.settings));
      expect(span?.end).toBe(at('2026-11-24T06:00', 'Europe/Berlin'));
      expect(withExplicitNights(loaded.settings).week['1']).toEqual([{ ...night, nextDay: true }]);
      expect(withExplicitNights(loaded.settings).week['2']).toEqual([
        { start: '09:00', end: '17:30', nextDay: false },
      ]);
    });

    it('takes an end before the start as a night shift only when it is said to end the next day', () => {
      const current = defaultSettings('UTC');
      const ticked = applySettingsPatch(current, { week: weekOf({ ...night, nextDay: true }) });
      expect(ticked.ok).toBe(true);
      const [span] = spansOn('2026-11-23', patternOf(ticked.ok ? ticked.settings : current));
      expect(span?.end).toBe(at('2026-11-24T06:00', 'UTC'));
      const unticked = applySettingsPatch(current, { week: weekOf({ ...night, nextDay: false }) });
      expect(!unticked.ok && unticked.problems).toEqual([
        { path: 'week.1.0.end', message: ENDS_BEFORE_START },
      ]);
    });

    it('refuses a day span said to end the next day, and a span of no length, by the end field', () => {
      const current = defaultSettings('UTC');
      const longer = applySettingsPatch(current, {
        week: weekOf({ start: '09:00', end: '17:00', nextDay: true }),
      });
      expect(!longer.ok && longer.problems).toEqual([{ path: 'week.1.0.end', message: ENDS_AFTER_START }]);
      const empty = applySettingsPatch(current, { week: weekOf({ start: '09:00', end: '09:00' }) });
      expect(!empty.ok && empty.problems).toEqual([{ path: 'week.1.0.end', message: SAME_START_AND_END }]);
    });
  });

  it('gives every working day the same hours in one edit, and finds them again', () => {
    const { week } = defaultSettings('UTC');
    const weekend = [5, 6, 7];
    const early = [{ start: '07:00', end: '15:00', nextDay: false }];
    const edited = withWorkdayHours(week, weekend, early);
    expect(['1', '2', '3', '4'].map((day) => edited[day as '1'])).toEqual([early, early, early, early]);
    expect(edited['5']).toEqual(week['5']);
    expect(sharedWorkdayHours(edited, weekend)).toEqual(early);
    expect(sharedWorkdayHours(week, [6, 7])).toEqual(week['1']);
    expect(sharedWorkdayHours({ ...week, '3': [] }, [6, 7])).toBeNull();
    expect(sharedWorkdayHours(week, [1, 2, 3, 4, 5, 6, 7])).toBeNull();
  });

  it('speaks in its own words for every field, never in the validator’s', () => {
    const current = defaultSettings('UTC');
    const bad: Record<string, unknown> = {
      onboarded: 'yes',
      homeTimeZone: 'Mars/Base',
      week: { '1': [{ start: '9', end: '17:00' }], '2': Array(7).fill({ start: '09:00', end: '10:00' }) },
      weekendDays: [0, 8],
      holidays: { country: 'Germany', region: 'x'.repeat(11) },
      daysOff: ['tomorrow'],
      lunch: { enabled: true, earliestStart: '12:00', latestStart: '25:00', minutes: -5 },
      shutdown: { promptMinutesBefore: -1, maxSnoozeMinutes: 1.5 },
      focus: { lengths: [], defaultMinutes: null, autoDecline: 'sometimes', chatDoNotDisturb: true },
      urgency: { rule: 'x'.repeat(201), keywords: [''], alwaysFrom: ['x'.repeat(81)] },
      focusShortcut: 'F',
      clock: 'sundial',
    };
    const result = applySettingsPatch(current, bad);
    const problems = result.ok ? [] : result.problems;
    expect(problems.length).toBeGreaterThanOrEqual(Object.keys(bad).length);
    for (const { path, message } of problems) {
      expect(message, path).not.toMatch(/Too (small|big)|Invalid|expected \w+ to|received|>=|<=/);
    }
  });
});

describe('reading settings without Intl', () => {
  it('asks the locale for the first day of the week only when the file gives none (a DateTimeFormat is 8 MB)', () => {
    const file = { ...defaultSettings('Europe/Berlin', 'en-GB'), onboarded: true, weekStart: 7 };
    const created = countDateTimeFormats();
    try {
      expect(loadSettings(file, 'Europe/Berlin').settings.weekStart).toBe(7);
      expect(created.count).toBe(0);
      const { weekStart: _, ...older } = file;
      expect(loadSettings({ ...older, locale: 'en-US' }, 'Europe/Berlin').settings.weekStart).toBe(7);
      expect(loadSettings({ ...older, locale: 'de-DE' }, 'Europe/Berlin').settings.weekStart).toBe(1);
      expect(loadSettings({ ...file, weekStart: 9 }, 'Europe/Berlin').problems.map((p) => p.path)).toEqual([
        'weekStart',
      ]);
    } finally {
      created.restore();
    }
  });
});
