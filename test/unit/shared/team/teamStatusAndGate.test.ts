import { describe, expect, it } from 'vitest';
import { availabilityAt } from '../../../../shared/availability';
import { declineFor, desiredState, SLACK_STATUS_LIMIT } from '../../../../shared/desired';
import { emptyIntents } from '../../../../shared/intents';
import { decide } from '../../../../shared/notificationPolicy';
import type { Settings } from '../../../../shared/settings';
import type { TeamFile } from '../../../../shared/team/teamFile';
import { withTeam } from '../../../../shared/team/teamNorms';
import { setTimeWriting } from '../../../../shared/words';
import { at, settingsIn, withFocus } from '../domainFixtures';

const ZONE = 'Europe/Berlin';
const TEAM: TeamFile = {
  urgency: { rule: 'urgent: call me', keywords: ['prod down'], alwaysFrom: ['On-call pager'] },
  replies: { chat: { workingHours: 4 } },
};
const member = (team: TeamFile, patch: Partial<Settings> = {}): Settings =>
  withTeam(settingsIn(ZONE, patch), team);
const focusing = (settings: Settings) => {
  const now = at('2026-11-25T10:00', ZONE);
  const intents = withFocus(new Date(now).toISOString(), 90);
  return desiredState(availabilityAt(now, settings, intents), settings, now);
};

describe('the status pushed to Slack, Teams and the calendar carries the team’s rule and reply expectation', () => {
  it('says the focus end, the reply expectation and the team’s urgency rule', () => {
    setTimeWriting('en-GB', '24h');
    const desired = focusing(member(TEAM));
    expect(desired.statusText).toBe(
      'Focusing until 11:30 CET · replies within 4 working hours · urgent: call me',
    );
    expect(desired.note).toBe('replies within 4 working hours · urgent: call me');
  });

  it('off for the night, it says when the member is back, then the team’s words', () => {
    const settings = member({ ...TEAM, replies: { chat: { workingDays: 1 } } });
    const now = at('2026-11-25T20:00', ZONE);
    const desired = desiredState(availabilityAt(now, settings, emptyIntents()), settings, now);
    expect(desired.statusText).toBe(
      'Off until Thu 09:00 CET (Thu 08:00 UTC) · replies by the next working day · urgent: call me',
    );
  });

  it('too long for Slack’s 100 characters, the rule is shortened at a word, never the facts', () => {
    const rule =
      'Urgent? Call the on-call phone, or write to the incident channel with the word PRODUCTION in capitals';
    const desired = focusing(member({ ...TEAM, urgency: { rule } }));
    expect(desired.statusText.length).toBeLessThanOrEqual(SLACK_STATUS_LIMIT);
    expect(desired.statusText).toMatch(
      /^Focusing until 11:30 CET · replies within 4 working hours · Urgent\? Call the on-call phone,?[^·]*[a-z]…$/,
    );
  });

  it('without a rule in the team file, the member’s own rule is kept; whole, before the reply expectation', () => {
    const desired = focusing(member({ replies: TEAM.replies }));
    // With both, 104 characters: the reply expectation gives way to the whole rule.
    expect(desired.statusText).toBe(
      'Focusing until 11:30 CET · Urgent? Call me, or @mention me with !urgent.',
    );
    expect(desired.note).toBe(
      'replies within 4 working hours · Urgent? Call me, or @mention me with !urgent.',
    );
  });
});

describe('the notification gate uses the team’s keywords and always-urgent senders, and the member’s own', () => {
  const settings = member(TEAM);
  const off = availabilityAt(at('2026-11-25T20:00', ZONE), settings, emptyIntents());
  const message = { title: 'Alert', body: 'all quiet', kind: 'message' as const };

  it('lets a message with the team’s keyword through while off', () => {
    expect(decide({ ...message, body: 'PROD DOWN in eu-west' }, off, settings)).toEqual({
      action: 'deliver',
      why: 'urgent by your team rules',
    });
  });

  it('lets the team’s always-urgent sender through', () => {
    expect(decide({ ...message, from: 'on-call pager' }, off, settings).action).toBe('deliver');
  });

  it('keeps the member’s own keyword beside the team’s, and holds the rest', () => {
    const urgent = ['look !urgent', 'prod down'].map(
      (body) => decide({ ...message, body }, off, settings).action,
    );
    expect(urgent).toEqual(['deliver', 'deliver']);
    expect(decide(message, off, settings).action).toBe('hold');
  });
});

describe('on the team’s meeting-free day, calendar blocks decline new invitations', () => {
  const wednesday = { meetingFreeDay: 'wednesday' as const };
  const settingsWith = (autoDecline: Settings['focus']['autoDecline']) =>
    member(wednesday, { focus: { ...settingsIn(ZONE).focus, autoDecline } });

  it('declines new invitations on that day in the member’s zone, never on the days around it', () => {
    const desired = focusing(settingsWith('declineNone'));
    expect(declineFor(desired, at('2026-11-25T10:00', ZONE))).toEqual({
      mode: 'declineOnlyNewConflictingInvitations',
      meetingFree: 'Wednesday',
    });
    // 00:30 on Thursday in Berlin is still Wednesday in UTC: the member's own day counts.
    expect(declineFor(desired, at('2026-11-26T00:30', ZONE))).toEqual({
      mode: 'declineNone',
      meetingFree: null,
    });
    // 00:30 on Wednesday in Berlin is Tuesday in UTC: a meeting-free day all the same.
    expect(declineFor(desired, at('2026-11-25T00:30', ZONE)).meetingFree).toBe('Wednesday');
  });

  it('keeps the member’s stricter choice of declining every clashing invitation', () => {
    const desired = focusing(settingsWith('declineAllConflictingInvitations'));
    expect(declineFor(desired, at('2026-11-25T10:00', ZONE)).mode).toBe('declineAllConflictingInvitations');
  });

  it('without a team file, the member’s own choice on every day', () => {
    const settings = settingsIn(ZONE, { focus: { ...settingsIn(ZONE).focus, autoDecline: 'declineNone' } });
    const now = at('2026-11-25T10:00', ZONE);
    const desired = desiredState(availabilityAt(now, settings, emptyIntents()), settings, now);
    expect(declineFor(desired, now)).toEqual({ mode: 'declineNone', meetingFree: null });
  });
});
