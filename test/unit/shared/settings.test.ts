import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, loadSettings } from '../../../shared/settings';

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
});
