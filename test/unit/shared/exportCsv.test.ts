import { describe, expect, it } from 'vitest';
import { daysToCsv } from '../../../shared/exportCsv';

const HEADER =
  'date,workday,focus_minutes,meeting_minutes,meetings,lunch_taken,after_hours_minutes,weekend_minutes,day_closed_at,' +
  'closed_on_time,first_active,last_active,span_minutes,urgent';

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
        afterHoursMinutes: 45,
        weekendMinutes: 0,
        shutdownAt: '18:45',
        closedOnTime: false,
        firstActive: '08:50',
        lastActive: '18:45',
        spanMinutes: 595,
        urgent: true,
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
        closedOnTime: null,
        firstActive: '10:00',
        lastActive: '10:40',
        spanMinutes: 40,
        urgent: false,
      },
    ]);
    expect(csv).toBe(
      `${HEADER}\r\n` +
        '2026-11-23,true,110,30,1,true,45,0,18:45,false,08:50,18:45,595,true\r\n' +
        '2026-11-28,false,0,0,0,false,0,40,,,10:00,10:40,40,false\r\n',
    );
    expect(daysToCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('leaves empty what a day stored before this version did not measure, never a zero', () => {
    const csv = daysToCsv([
      {
        date: '2026-09-01',
        workday: true,
        focusMinutes: 60,
        meetingMinutes: 0,
        meetings: 0,
        lunchTaken: true,
        afterHoursMinutes: 0,
        weekendMinutes: 0,
        shutdownAt: '17:30',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('2026-09-01,true,60,0,0,true,0,0,17:30,,,,,');
  });
});
