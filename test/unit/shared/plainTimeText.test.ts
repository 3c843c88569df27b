import { describe, expect, it } from 'vitest';
import { plainClockText, plainDayText } from '../../../shared/plainTimeText';

// The words written without Intl must be Intl's own, letter for letter, for every locale that has them.
const LOCALES = ['en', 'en-US', 'en-GB'];

describe('clock and day words without Intl', () => {
  it('write every minute of a day as Intl does, on the locale’s own clock, the 12- and the 24-hour clock', () => {
    for (const locale of LOCALES)
      for (const cycle of [undefined, 'h12', 'h23'] as const) {
        const intl = new Intl.DateTimeFormat(locale, {
          timeZone: 'UTC',
          hour: 'numeric',
          minute: '2-digit',
          ...(cycle ? { hourCycle: cycle } : {}),
        });
        for (let minutes = 0; minutes < 24 * 60; minutes++) {
          const expected = intl.format(Date.UTC(2026, 11, 7, 0, minutes));
          expect(plainClockText(locale, cycle, Math.floor(minutes / 60), minutes % 60)).toBe(expected);
        }
      }
  });

  it('write every weekday of every month as Intl does', () => {
    for (const locale of LOCALES) {
      const intl = new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      });
      for (let day = 0; day < 400; day += 3) {
        const at = new Date(Date.UTC(2026, 0, 1 + day, 12));
        const weekday = at.getUTCDay() || 7;
        expect(plainDayText(locale, weekday, at.getUTCDate(), at.getUTCMonth() + 1)).toBe(intl.format(at));
      }
    }
  });

  it('leave every other locale to Intl', () => {
    for (const locale of ['de-DE', 'fr-FR', 'en-IN', 'en-CA', 'en-AU', 'ja-JP', 'ar-SA']) {
      expect(plainClockText(locale, 'h23', 9, 5)).toBeNull();
      expect(plainDayText(locale, 1, 7, 12)).toBeNull();
    }
  });
});
