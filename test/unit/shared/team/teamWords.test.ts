import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings';
import { checkTeamText } from '../../../../shared/team/teamCheck';
import { TEAM_SCHEMA_ADDRESS } from '../../../../shared/team/teamFile';
import { starterTeamText } from '../../../../shared/team/teamStarter';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';
import { teamChanges, teamSummary } from '../../../../shared/team/teamWords';
import { setTimeWriting } from '../../../../shared/words';

beforeEach(() => setTimeWriting('en-GB', '24h'));
afterEach(() => setTimeWriting(null, 'locale'));

describe("a team file's words", () => {
  it('sums up what the file sets, a line a field', () => {
    expect(teamSummary(TEAM_FILE_EXAMPLE)).toEqual([
      'Team: Platform team',
      'Core hours: 15:00–17:00 Europe/Berlin time, on Monday, Tuesday, Wednesday, Thursday and Friday',
      'Urgent: senders read “Urgent? Call me, or @mention me with !urgent.”; marked by “!urgent” and “prod down”; always from On-call pager',
      "Quiet: 18:30 to 8:00, in each member's own time; all day on Saturday and Sunday; public holidays in DE (BE)",
      'Meeting-free day: Wednesday',
      'Replies: chat within 4 working hours; email by the next working day',
      'Lunch: 45 minutes between 11:30 and 14:00',
      'End of day: by 18:00',
      'Disconnecting policy: version 1.2 of 2026-09-01',
    ]);
    expect(teamSummary({})).toEqual(['The file sets nothing yet: every field is optional.']);
  });

  it('writes times on the member’s own clock', () => {
    setTimeWriting('en-US', '12h');
    expect(teamSummary({ endOfDay: { by: '18:00' } })).toEqual(['End of day: by 6:00 PM']);
  });

  it('says what changed, in words', () => {
    const later = {
      ...TEAM_FILE_EXAMPLE,
      quiet: { ...TEAM_FILE_EXAMPLE.quiet, evenings: { from: '18:00', until: '08:00' } },
      meetingFreeDay: 'thursday' as const,
    };
    expect(teamChanges(TEAM_FILE_EXAMPLE, later)).toEqual([
      'Quiet hours now start at 18:00',
      'Now: Meeting-free day: Thursday',
    ]);
    expect(teamChanges(TEAM_FILE_EXAMPLE, TEAM_FILE_EXAMPLE)).toEqual([]);
    expect(teamChanges({ name: 'Platform' }, { name: 'Platform team', endOfDay: { by: '17:30' } })).toEqual([
      'The team is now called Platform team',
      'New: End of day: by 17:30',
    ]);
    expect(teamChanges({ meetingFreeDay: 'friday' }, {})).toEqual([
      'The team no longer sets a meeting-free day',
    ]);
  });
});

describe('a starter team file from my settings', () => {
  it('carries my urgency rule, evenings, weekend, holidays, lunch and end of day, and is a valid team file', () => {
    const settings = {
      ...defaultSettings('Europe/Berlin', 'de-DE'),
      holidays: { country: 'DE', region: 'BE' },
    };
    const text = starterTeamText(settings);
    const check = checkTeamText(text);
    expect(check.ok).toBe(true);
    expect(JSON.parse(text)).toEqual({
      $schema: TEAM_SCHEMA_ADDRESS,
      urgency: { rule: 'Urgent? Call me, or @mention me with !urgent.', keywords: ['!urgent'] },
      quiet: {
        evenings: { from: '17:30', until: '09:00' },
        days: ['saturday', 'sunday'],
        holidays: { country: 'DE', region: 'BE' },
      },
      lunch: { minutes: 45, between: { from: '12:00', until: '14:15' } },
      endOfDay: { by: '17:30' },
    });
  });
});
