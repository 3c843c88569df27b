import { describe, expect, it } from 'vitest';
import { daysToCsv } from '../../../shared/exportCsv';

describe('the daily totals as CSV', () => {
  it('writes a header and a line a day, with CRLF line ends and empty fields for nothing', () => {
    const csv = daysToCsv([
      {
        date: '2026-11-23',
        workday: true,
        focusMinutes: 110,
        meetingMinutes: 30,
        meetings: 1,
        lunchTaken: true,
        afterHoursMinutes: 15,
        weekendMinutes: 0,
        shutdownAt: '17:45',
      },
      {
        date: '2026-11-28',
        workday: false,
        focusMinutes: 0,
        meetingMinutes: 0,
        meetings: 0,
        lunchTaken: false,
        afterHoursMinutes: 0,
        weekendMinutes: 40,
        shutdownAt: null,
      },
    ]);
    expect(csv).toBe(
      'date,workday,focus_minutes,meeting_minutes,meetings,lunch_taken,after_hours_minutes,weekend_minutes,day_closed_at\r\n' +
        '2026-11-23,true,110,30,1,true,15,0,17:45\r\n' +
        '2026-11-28,false,0,0,0,false,0,40,\r\n',
    );
    expect(daysToCsv([])).toBe(csv.split('\r\n')[0] + '\r\n');
  });
});
