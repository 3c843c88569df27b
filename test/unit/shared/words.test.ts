import { afterEach, describe, expect, it } from 'vitest';
import {
  clockTime,
  minutesWords,
  offsetWords,
  overlapWords,
  pillWords,
  setTimeWriting,
  whenText,
} from '../../../shared/words';

describe('words', () => {
  it('says "1 minute" and "5 minutes", by the locale’s plural rules', () => {
    expect(minutesWords(1)).toBe('1 minute');
    expect(minutesWords(0)).toBe('0 minutes');
    expect(minutesWords(5, 'en-GB')).toBe('5 minutes');
  });

  it('names an open day after hours, and a day worked a little longer, in the status pill', () => {
    expect(pillWords('off', 'afterHours')).toBe('Off · day not closed');
    expect(pillWords('off', 'dayClosed')).toBe('Off');
    expect(pillWords('working', 'extended')).toBe('Working · a little longer');
  });
});

describe('validation in Cadence’s words', () => {
  it('says what to type, never the validator’s "Too small: expected number to be >=0"', async () => {
    const { applySettingsPatch, defaultSettings } = await import('../../../shared/settings');
    const result = applySettingsPatch(defaultSettings('UTC'), {
      shutdown: { promptMinutesBefore: -5, maxSnoozeMinutes: 30 },
    });
    expect(result).toMatchObject({ ok: false });
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(['shutdown.promptMinutesBefore: use 0 or more']);
  });
});

describe('the clock the user chose', () => {
  afterEach(() => setTimeWriting(null, 'locale'));
  const evening = Date.parse('2026-11-26T17:30:00Z');

  it('writes times as the locale does, or always on the 12- or 24-hour clock chosen', () => {
    setTimeWriting('en-US', 'locale');
    expect(clockTime(evening, 'UTC')).toBe('5:30 PM');
    setTimeWriting('en-US', '24h');
    expect(clockTime(evening, 'UTC')).toBe('17:30');
    setTimeWriting('en-GB', 'locale');
    expect(clockTime(evening, 'UTC')).toBe('17:30');
    setTimeWriting('en-GB', '12h');
    expect(clockTime(evening, 'UTC')).toMatch(/^5:30\s?pm$/i);
    // Midnight on a 24-hour clock is 00:xx, never 24:xx.
    setTimeWriting('en-US', '24h');
    expect(clockTime(Date.parse('2026-11-26T00:05:00Z'), 'UTC')).toBe('00:05');
    expect(whenText('2026-11-27T09:00:00Z', 'UTC', evening)).toBe('Fri, Nov 27, 09:00');
  });

  it('falls back to the system locale for a language tag Intl cannot read', () => {
    setTimeWriting('not a locale!!', '24h');
    expect(clockTime(evening, 'UTC')).toBe('17:30');
  });
});

describe('a teammate’s day in words', () => {
  const zone = 'Europe/Berlin';
  const now = Date.parse('2026-11-25T16:00:00+01:00'); // a Wednesday
  const overlap = (start: string, end: string) => ({ start: `${start}+01:00`, end: `${end}+01:00` });

  it('says when you next both work: now, today, tomorrow, a weekday or a date', () => {
    expect(overlapWords(overlap('2026-11-25T16:00:00', '2026-11-25T17:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap now, until 17:00',
    );
    // computed by the core a few seconds after the window's clock last ticked
    expect(overlapWords(overlap('2026-11-25T16:00:20', '2026-11-25T17:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap now, until 17:00',
    );
    expect(overlapWords(overlap('2026-11-25T16:30:00', '2026-11-25T17:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap today, 16:30–17:00',
    );
    expect(overlapWords(overlap('2026-11-26T09:00:00', '2026-11-26T11:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap tomorrow, 9:00–11:00',
    );
    expect(overlapWords(overlap('2026-11-30T09:00:00', '2026-11-30T10:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap on Monday, 9:00–10:00',
    );
    expect(overlapWords(overlap('2026-12-03T09:00:00', '2026-12-03T10:00:00'), zone, now, 'en-GB')).toBe(
      'Overlap on Thu 3 Dec, 9:00–10:00',
    );
    expect(overlapWords(null, zone, now)).toBe('No overlap in the next two weeks');
  });

  it('says how far a teammate’s clock is from yours', () => {
    expect(offsetWords(0)).toBe('same time as you');
    expect(offsetWords(-360)).toBe('6 h behind you');
    expect(offsetWords(270)).toBe('4 h 30 min ahead of you');
  });
});
