import { field } from '../exportCsv';
import type { Settings } from '../settings';
import { teamOf } from '../team/teamNorms';
import type { KeptContact } from './contactState';
import { RESPONSE_CODES, responseWords, type ShownContact } from './contactResponse';

export const CHANNEL_WORDS: Record<KeptContact['channel'], string> = {
  slackDirect: 'Slack direct message',
  slackGroup: 'Slack group message',
  slackMention: 'Slack mention',
  outlookMail: 'Outlook mail',
  teamsChat: 'Teams chat',
  invitation: 'Meeting invitation',
};

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The working hours the record was measured by, in a line: "Mon 09:00–17:00, …, Sat off, Sun off". */
export function hoursLine(settings: Settings): string {
  const days = DAYS.map((name, i) => {
    const key = String(i + 1) as keyof Settings['week'];
    const spans = settings.weekendDays.includes(i + 1) ? [] : settings.week[key];
    return `${name} ${spans.length ? spans.map((s) => `${s.start}–${s.end}`).join(' and ') : 'off'}`;
  });
  return `Working hours (${settings.workTimeZone}): ${days.join(', ')}`;
}

/** The team's written disconnecting policy followed now, by version and date, or that there is none. */
export function policyLine(settings: Settings): string {
  const policy = teamOf(settings)?.disconnecting;
  return policy
    ? `Disconnecting policy: version ${policy.version} of ${policy.date}`
    : 'No written disconnecting policy followed';
}

/**
 * The record as a CSV the person can keep or hand on: first, as comment lines, the working hours it was
 * measured by and the team's written disconnecting policy of the time (version and date); then a row per
 * contact: day, time, channel, sender, urgent, why outside hours, answered when.
 */
export function contactsToCsv(contacts: readonly ShownContact[], settings: Settings): string {
  const head = [
    `# ${hoursLine(settings)}`,
    `# ${policyLine(settings)}`,
    'day,time,channel,sender,urgent,why,answered_at,what_you_did,meeting_at',
  ];
  const rows = contacts.map((c) =>
    [
      c.at.slice(0, 10),
      c.at.slice(11, 16),
      CHANNEL_WORDS[c.channel],
      c.from.name,
      c.urgent,
      c.why,
      c.answeredAt ?? '',
      RESPONSE_CODES[c.response],
      c.meetingAt ?? '',
    ]
      .map(field)
      .join(','),
  );
  return `${[...head, ...rows].join('\r\n')}\r\n`;
}

/** The contacts a line each, for a terminal: day, time, channel, sender, urgent, what was done, and the key. */
export function contactLines(contacts: readonly ShownContact[]): string[] {
  return contacts.map((c) =>
    [
      `${c.at.slice(0, 10)} ${c.at.slice(11, 16)}`,
      channelWords(c),
      c.from.name,
      ...(c.urgent ? ['urgent'] : []),
      responseWords(c),
      `[${c.key}]`,
    ].join('  '),
  );
}

/** The channel in words; an invitation says when its meeting is ("Meeting invitation for 2026-12-08 19:00"). */
export function channelWords(contact: Pick<KeptContact, 'channel' | 'meetingAt'>): string {
  const meeting = contact.meetingAt;
  return meeting
    ? `${CHANNEL_WORDS[contact.channel]} for ${meeting.slice(0, 10)} ${meeting.slice(11, 16)}`
    : CHANNEL_WORDS[contact.channel];
}
