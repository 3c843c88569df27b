import { afterEach, describe, expect, it } from 'vitest';
import { readTypedTime, timeFormsText, timeOfDayText } from '../../../shared/clockWords';
import { readTimeOfDay } from '../../../shared/timeOfDay';
import { setTimeWriting } from '../../../shared/words';

afterEach(() => setTimeWriting(null, 'locale'));

describe('a time of day, as a person types it under either clock', () => {
  it('reads the 12-hour forms, the 24-hour ones and the words', () => {
    const read: Record<string, string> = {
      '5pm': '17:00',
      '5 pm': '17:00',
      '5PM': '17:00',
      '5:30pm': '17:30',
      '5:30 p.m.': '17:30',
      '5.30 PM': '17:30',
      '9:05 am': '09:05',
      '12am': '00:00',
      '12:15 am': '00:15',
      '12pm': '12:00',
      '12:45 PM': '12:45',
      '17:00': '17:00',
      '9:00': '09:00',
      '09:00': '09:00',
      '0:30': '00:30',
      '17.00': '17:00',
      '17h30': '17:30',
      '17h': '17:00',
      noon: '12:00',
      Midday: '12:00',
      midnight: '00:00',
      // As Intl writes it: a narrow no-break space before PM.
      '5:30\u202fPM': '17:30',
      ' 17:00 ': '17:00',
    };
    for (const [typed, time] of Object.entries(read)) expect(readTimeOfDay(typed), typed).toBe(time);
  });

  it('refuses what could mean two times or none', () => {
    for (const typed of [
      '5',
      '17',
      '',
      'soon',
      '24:00',
      '17pm',
      '0am',
      '13:00 pm',
      '5:60pm',
      '25:00',
      '5:3',
      '1730',
    ])
      expect(readTimeOfDay(typed), typed).toBeNull();
  });

  it("reads the AM/PM words of the user's own language", () => {
    setTimeWriting('ko', '12h');
    // Korean writes the day period first ("오후 4:30"; Node's own ICU data may lack the word itself).
    const shown = timeOfDayText('16:30');
    expect(shown).toMatch(/^\S+\s4:30$/);
    expect(readTypedTime(shown)).toBe('16:30');
    setTimeWriting('de', '12h');
    expect(readTypedTime(timeOfDayText('09:15'))).toBe('09:15');
  });

  it('writes times and the forms it reads on the chosen clock', () => {
    setTimeWriting('en-US', '24h');
    expect(timeOfDayText('17:30')).toBe('17:30');
    expect(timeFormsText()).toBe('16:30 or noon');
    setTimeWriting('en-GB', '12h');
    expect(timeOfDayText('17:30')).toMatch(/^5:30\spm$/i);
    expect(timeFormsText()).toMatch(/^4:30\spm, 4pm or noon$/i);
  });
});
