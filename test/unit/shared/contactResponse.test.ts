import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../shared/clockTime';
import { contactsToCsv } from '../../../shared/contacts/contactCsv';
import { nextReadingAt, teamsReadingDue } from '../../../shared/contacts/contactReading';
import { recordedContact } from '../../../shared/contacts/contactRecord';
import { contactResponse, responseWords, shownContact } from '../../../shared/contacts/contactResponse';
import type { KeptContact } from '../../../shared/contacts/contactState';
import { emptyIntents } from '../../../shared/intents';
import { at, settingsIn } from './domainFixtures';

const BERLIN = 'Europe/Berlin';
const berlin = settingsIn(BERLIN);
const ana = { id: 'UANA', name: 'Ana' };

/** A contact recorded as the recorder keeps it, arriving at a Berlin wall-clock time. */
function kept(local: string, extra: Partial<KeptContact> = {}): KeptContact {
  const contact = recordedContact(
    { at: at(local, BERLIN), channel: 'slackDirect', from: ana, text: 'Can you look?' },
    berlin,
    emptyIntents(),
  );
  if (!contact) throw new Error(`${local} is inside the hours`);
  return { ...contact, key: `slack:D1:${local}`, ...extra };
}

describe('what the person did about a contact outside hours', () => {
  it('keeps when the hours began again: Friday evening waits for Monday 09:00, across the weekend', () => {
    expect(kept('2026-12-11T20:15').backAt).toBe('2026-12-14T09:00:00.000+01:00');
  });

  it('is nothing yet until the hours begin, then left for them when unanswered', () => {
    const friday = kept('2026-12-11T20:15');
    expect(contactResponse(friday, at('2026-12-13T22:00', BERLIN))).toBe('notYet');
    expect(contactResponse(friday, at('2026-12-14T09:00', BERLIN))).toBe('leftForHours');
    expect(responseWords(shownContact(friday, at('2026-12-14T10:00', BERLIN)))).toBe(
      'Left for your working hours',
    );
  });

  it('says a reply outside hours with its time, and a reply in hours as left for them', () => {
    const late = kept('2026-12-08T21:00', {
      answeredAt: '2026-12-08T21:40:00.000+01:00',
      answeredOutside: true,
    });
    const morning = kept('2026-12-08T21:00', {
      answeredAt: '2026-12-09T09:12:00.000+01:00',
      answeredOutside: false,
    });
    const now = at('2026-12-10T12:00', BERLIN);
    expect(responseWords(shownContact(late, now))).toBe('Answered outside your hours (2026-12-08 21:40)');
    expect(contactResponse(morning, now)).toBe('leftForHours');
    expect(responseWords(shownContact(morning, now))).toBe(
      'Left for your working hours; answered 2026-12-09 09:12',
    );
  });

  it('an urgent contact is "on it" when the after-hours nudge was answered so that evening, not the next', () => {
    const urgent = { ...kept('2026-12-08T21:00'), urgent: true };
    const now = at('2026-12-10T12:00', BERLIN);
    expect(contactResponse(urgent, now, [at('2026-12-08T21:30', BERLIN)])).toBe('onIt');
    expect(contactResponse(urgent, now, [at('2026-12-08T20:30', BERLIN)])).toBe('leftForHours');
    expect(contactResponse(urgent, now, [at('2026-12-09T21:30', BERLIN)])).toBe('leftForHours');
    expect(contactResponse({ ...urgent, urgent: false }, now, [at('2026-12-08T21:30', BERLIN)])).toBe(
      'leftForHours',
    );
  });

  it('where replies are not read (a channel mention, an invitation, mail kept before), never claims one was left unanswered', () => {
    const now = at('2026-12-14T10:00', BERLIN);
    for (const channel of ['slackMention', 'outlookMail', 'invitation'] as const) {
      // Mail kept before Sent Items were read is kept by itself, not by its conversation.
      const contact = { ...kept('2026-12-11T20:15'), channel, key: `${channel}:AAMk1` };
      expect(contactResponse(contact, now)).toBe('replyNotRead');
      expect(responseWords(shownContact(contact, now))).toBe('Your reply is not read here');
      expect(contactResponse({ ...contact, onIt: true }, now)).toBe('onIt');
    }
    expect(contactResponse({ ...kept('2026-12-11T20:15'), channel: 'slackGroup' }, now)).toBe('leftForHours');
    const mail = { ...kept('2026-12-11T20:15'), channel: 'outlookMail' as const, key: 'outlook:#conv:mail' };
    expect(contactResponse(mail, now)).toBe('leftForHours');
  });

  it('puts the person’s own mark first, and writes each in the CSV’s what_you_did column', () => {
    const now = at('2026-12-10T12:00', BERLIN);
    const onIt = kept('2026-12-08T22:00', {
      onIt: true,
      answeredAt: '2026-12-08T22:05:00.000+01:00',
      answeredOutside: true,
    });
    const csv = contactsToCsv(
      [onIt, kept('2026-12-09T23:00')].map((c) => shownContact(c, now)),
      berlin,
    ).split('\r\n');
    expect(csv[2]).toBe('day,time,channel,sender,urgent,why,answered_at,what_you_did,meeting_at');
    expect(csv[3]).toMatch(
      /^2026-12-08,22:00,Slack direct message,Ana,false,afterHours,2026-12-08T22:05:00.000\+01:00,urgent_on_it,$/,
    );
    expect(csv[4]).toMatch(/,left_for_working_hours,$/);
  });
});

describe('when the record reads next', () => {
  const next = (local: string) =>
    new Date(nextReadingAt(at(local, BERLIN), 10 * MINUTE, berlin, emptyIntents())).toISOString();

  it('never during working hours: read at 10:00 on a Tuesday, the next is at the day’s end (17:30)', () => {
    expect(next('2026-12-08T10:00')).toBe(new Date(at('2026-12-08T17:30', BERLIN)).toISOString());
  });

  it('every ten minutes outside them, and once a minute before they begin', () => {
    expect(next('2026-12-08T20:00')).toBe(new Date(at('2026-12-08T20:10', BERLIN)).toISOString());
    expect(next('2026-12-09T08:55')).toBe(new Date(at('2026-12-09T08:59', BERLIN)).toISOString());
    expect(next('2026-12-09T08:59')).toBe(new Date(at('2026-12-09T17:30', BERLIN)).toISOString());
  });

  it('reads through the weekend outside hours, and not on Monday morning once the hours begin', () => {
    expect(next('2026-12-12T11:00')).toBe(new Date(at('2026-12-12T11:10', BERLIN)).toISOString());
    expect(next('2026-12-14T08:59')).toBe(new Date(at('2026-12-14T17:30', BERLIN)).toISOString());
  });

  it('reads Teams chats a whole day apart at the soonest, on working days, in the morning', () => {
    const due = (local: string, last: string | null, settings = berlin) =>
      teamsReadingDue(at(local, BERLIN), last === null ? null : at(last, BERLIN), settings);
    // Monday's reading a minute before 09:00 takes in the weekend; Tuesday's is a day later to the minute.
    expect(due('2026-12-14T08:59', '2026-12-11T08:59')).toBe(true);
    expect(due('2026-12-15T08:58', '2026-12-14T08:59')).toBe(false);
    expect(due('2026-12-15T08:59', '2026-12-14T08:59')).toBe(true);
    // Not in the night before, nor on a weekend; a morning missed two days running is made up later.
    expect(due('2026-12-14T03:00', '2026-12-11T08:59')).toBe(false);
    expect(due('2026-12-12T12:00', '2026-12-10T08:59')).toBe(false);
    expect(due('2026-12-14T17:30', '2026-12-11T08:59')).toBe(true);
    // Turned on in the evening: the first reading is the next morning's.
    expect(due('2026-12-14T17:30', null)).toBe(false);
    expect(due('2026-12-15T08:59', null)).toBe(true);
    // A late reading (the computer opened at 10:30 on Tuesday) does not drag the next ones to the
    // evening: Wednesday is passed over (its morning is less than a day after), Thursday morning reads.
    expect(due('2026-12-16T08:59', '2026-12-15T10:30')).toBe(false);
    expect(due('2026-12-16T17:30', '2026-12-15T10:30')).toBe(false);
    expect(due('2026-12-17T08:59', '2026-12-15T10:30')).toBe(true);
    // Opened at 10:30 every day: read at 10:30 every day, inside the day's first span.
    expect(due('2026-12-16T10:30', '2026-12-15T10:30')).toBe(true);
    // Tuesdays from 08:00: every day's moment is 07:59, a whole day apart, Tuesday's too.
    const early = { ...berlin, week: { ...berlin.week, '2': [{ start: '08:00', end: '16:30' }] } };
    expect(due('2026-12-14T07:59', '2026-12-11T07:59', early)).toBe(true);
    expect(due('2026-12-15T07:59', '2026-12-14T07:59', early)).toBe(true);
    const wake = new Date(nextReadingAt(at('2026-12-14T07:52', BERLIN), 10 * MINUTE, early, emptyIntents()));
    expect(wake.toISOString()).toBe(new Date(at('2026-12-14T07:59', BERLIN)).toISOString());
  });
});
