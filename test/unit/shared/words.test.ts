import { describe, expect, it } from 'vitest';
import { minutesWords, pillWords } from '../../../shared/words';

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
