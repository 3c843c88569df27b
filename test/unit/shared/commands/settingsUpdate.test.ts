import { describe, expect, it } from 'vitest';
import { settingsUpdate } from '../../../../shared/commands/settingsUpdate';
import { accepted, apply, contextAt } from './commandFixtures';

describe('settings.update', () => {
  it('applies a valid patch and answers the new settings', () => {
    const outcome = accepted(
      apply(settingsUpdate, 'settings.update', contextAt('2026-11-25T10:00'), {
        patch: {
          focus: { lengths: [30], defaultMinutes: 30, autoDecline: 'declineNone', chatDoNotDisturb: false },
        },
      }),
    );
    expect(outcome.settings?.focus.defaultMinutes).toBe(30);
    expect(outcome.value).toBe(outcome.settings);
    expect(outcome.intents).toBeUndefined();
  });

  it('refuses an invalid patch field by field, and a country without a holiday calendar', () => {
    const bad = apply(settingsUpdate, 'settings.update', contextAt('2026-11-25T10:00'), {
      patch: { workTimeZone: 'Mars/Base' },
    });
    expect(bad).toMatchObject({ ok: false, error: 'invalid_settings', issues: [{ path: 'workTimeZone' }] });
    const unknownCountry = apply(
      settingsUpdate,
      'settings.update',
      contextAt('2026-11-25T10:00', { knowsHolidays: () => false }),
      { patch: { holidays: { country: 'XX', region: null } } },
    );
    expect(unknownCountry).toMatchObject({
      ok: false,
      issues: [{ path: 'holidays', message: 'no public holiday calendar for XX' }],
    });
  });
});
