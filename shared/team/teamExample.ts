import { TEAM_SCHEMA_ADDRESS, type TeamFile } from './teamFile';

/**
 * A complete team file: the README shows it, `cadence team check` and the window take their examples of a
 * good value from it, and a test keeps it valid.
 */
export const TEAM_FILE_EXAMPLE = {
  $schema: TEAM_SCHEMA_ADDRESS,
  name: 'Platform team',
  coreHours: {
    timeZone: 'Europe/Berlin',
    start: '15:00',
    end: '17:00',
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  },
  urgency: {
    rule: 'Urgent? Call me, or @mention me with !urgent.',
    keywords: ['!urgent', 'prod down'],
    alwaysFrom: ['On-call pager'],
  },
  quiet: {
    evenings: { from: '18:30', until: '08:00' },
    days: ['saturday', 'sunday'],
    holidays: { country: 'DE', region: 'BE' },
  },
  meetingFreeDay: 'wednesday',
  replies: { chat: { workingHours: 4 }, email: { workingDays: 1 } },
  lunch: { minutes: 45, between: { from: '11:30', until: '14:00' } },
  endOfDay: { by: '18:00' },
  disconnecting: {
    version: '1.2',
    date: '2026-09-01',
    text: 'Outside working hours no one is expected to read or answer messages. Urgent means a call.',
    url: 'https://intranet.example.com/policies/disconnecting',
  },
} satisfies TeamFile;
