import { describe, expect, it } from 'vitest';
import { checkTeamFile, checkTeamText, teamProblemLine } from '../../../../shared/team/teamCheck';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';

/** The one line `cadence team check` prints for the file's single problem. */
function onlyProblem(file: unknown): string {
  const check = checkTeamFile(file);
  if (check.ok) throw new Error('expected a problem');
  expect(check.problems).toHaveLength(1);
  return teamProblemLine(check.problems[0]!);
}

describe('checking a team file', () => {
  it('takes the complete example and an empty file, each whole', () => {
    expect(checkTeamFile(TEAM_FILE_EXAMPLE)).toEqual({ ok: true, team: TEAM_FILE_EXAMPLE });
    expect(checkTeamFile({})).toEqual({ ok: true, team: {} });
  });

  it.each([
    [{ name: '' }, 'name: cannot be empty — for example "name": "Platform team"'],
    [
      { coreHours: { timeZone: 'Mars/Olympus', start: '15:00', end: '17:00' } },
      'coreHours.timeZone: not a known IANA time zone (e.g. Europe/Berlin) — for example "timeZone": "Europe/Berlin"',
    ],
    [
      { coreHours: { timeZone: 'Europe/Berlin', start: '3pm', end: '17:00' } },
      'coreHours.start: use a 24-hour time like 18:30 — for example "start": "15:00"',
    ],
    [
      { coreHours: { timeZone: 'Europe/Berlin', start: '17:00', end: '15:00' } },
      'coreHours.end: core hours end after they start, the same day — for example "end": "17:00"',
    ],
    [
      { coreHours: { start: '15:00', end: '17:00' } },
      'coreHours.timeZone: missing: this field is needed here — for example "timeZone": "Europe/Berlin"',
    ],
    [
      { coreHours: { timeZone: 'Europe/Berlin', start: '15:00', end: '17:00', days: ['monday', 'monday'] } },
      'coreHours.days: name each day once — for example "days": ["monday","tuesday","wednesday","thursday","friday"]',
    ],
    [
      { urgency: { keywords: ['!urgent', ''] } },
      'urgency.keywords[1]: cannot be empty — for example "!urgent"',
    ],
    [
      { urgency: { rule: 'x'.repeat(201) } },
      'urgency.rule: can have at most 200 characters — for example "rule": "Urgent? Call me, or @mention me with !urgent."',
    ],
    [
      { quiet: { evenings: { from: '18:30', until: '18:30' } } },
      'quiet.evenings.until: quiet hours start and end at the same time: change one of them — for example "until": "08:00"',
    ],
    [
      { quiet: { days: ['sat'] } },
      'quiet.days[0]: choose one of "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" — for example "saturday"',
    ],
    [
      { quiet: { holidays: { country: 'Germany' } } },
      'quiet.holidays.country: use a two-letter country code like DE — for example "country": "DE"',
    ],
    [
      { meetingFreeDay: 'Wed' },
      'meetingFreeDay: choose one of "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" — for example "meetingFreeDay": "wednesday"',
    ],
    [
      { replies: { chat: { workingHours: 4, workingDays: 1 } } },
      'replies.chat: give either workingHours or workingDays — for example "chat": {"workingHours":4}',
    ],
    [
      { replies: { email: { workingDays: 0 } } },
      'replies.email.workingDays: use 1 or more — for example "workingDays": 1',
    ],
    [{ lunch: { minutes: 5 } }, 'lunch.minutes: use 10 or more — for example "minutes": 45'],
    [
      { lunch: { between: { from: '14:00', until: '11:30' } } },
      'lunch.between.until: lunch ends after it starts — for example "until": "14:00"',
    ],
    [{ endOfDay: { by: '24:00' } }, 'endOfDay.by: use a 24-hour time like 18:30 — for example "by": "18:00"'],
    [
      { disconnecting: { version: '1', date: '2026-02-30', text: 'Off means off.' } },
      'disconnecting.date: use a real date like 2026-09-01 — for example "date": "2026-09-01"',
    ],
    [
      { disconnecting: { version: '1', date: '2026-09-01', text: 'Off.', url: 'http://intranet/policy' } },
      'disconnecting.url: use an https address like https://intranet.example.com/disconnecting — for example "url": "https://intranet.example.com/policies/disconnecting"',
    ],
    [
      { quiet: { evening: { from: '18:30', until: '08:00' } } },
      'quiet.evening: not a field a team file has here (check the spelling) — the fields here are evenings, days, holidays',
    ],
  ])('says what is wrong with %j by its field, with a good value', (file, line) => {
    expect(onlyProblem(file)).toBe(line);
  });

  it('says every problem, and gives no part of a file that has one', () => {
    const check = checkTeamFile({ ...TEAM_FILE_EXAMPLE, meetingFreeDay: 'someday', lunch: { minutes: 500 } });
    expect(check.ok).toBe(false);
    expect(check).not.toHaveProperty('team');
    if (!check.ok)
      expect(check.problems.map((problem) => problem.path)).toEqual(['meetingFreeDay', 'lunch.minutes']);
  });

  it('reads the text: JSON (a byte-order mark allowed), one object, not too long', () => {
    expect(checkTeamText(`\uFEFF${JSON.stringify({ name: 'Platform team' })}`)).toEqual({
      ok: true,
      team: { name: 'Platform team' },
    });
    const words = (text: string) => {
      const check = checkTeamText(text);
      return check.ok ? [] : check.problems.map(teamProblemLine);
    };
    expect(words('{ "name": "Platform team", }')[0]).toMatch(
      /^the file: not valid JSON \(.+\) — for example \{/,
    );
    expect(words('["Platform team"]')).toEqual([
      'the file: a team file is one JSON object, { … } — for example { "name": "Platform team" }',
    ]);
    expect(words(`{"name": "${'x'.repeat(200_001)}"}`)[0]).toMatch(
      /^the file: the file is 200,013 characters long/,
    );
  });
});
