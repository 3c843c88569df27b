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
