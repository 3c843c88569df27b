import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../../main/core/holidayCalendar';
import { type IncomingContact, recordedContact } from '../../../shared/contacts/contactRecord';
import { contactSentence, contactWeek } from '../../../shared/contacts/contactWeek';
import { emptyIntents } from '../../../shared/intents';
import { withHolidays } from '../../../shared/workPattern';
import { at, settingsIn, withFocus } from './domainFixtures';
import { availabilityAt } from '../../../shared/availability';

const BERLIN = 'Europe/Berlin';
const from = { id: 'UANA', name: 'Ana' };
const contact = (instant: number, text = 'Quick question', who = from): IncomingContact => ({
  at: instant,
  channel: 'slackDirect',
  from: who,
  text,
});
const berlin = settingsIn(BERLIN);

describe('a contact outside hours, recorded', () => {
  it('counts by the hours of that moment across the spring clock change (09:00–17:00 Berlin)', () => {
    // 15:30 UTC is 16:30 on Friday 27 March (CET, inside) and 17:30 on Monday 30 March (CEST, outside).
    expect(recordedContact(contact(Date.parse('2026-03-27T15:30:00Z')), berlin, emptyIntents())).toBeNull();
    expect(
      recordedContact(contact(Date.parse('2026-03-30T15:30:00Z')), berlin, emptyIntents()),
    ).toMatchObject({
      at: '2026-03-30T17:30:00.000+02:00',
      why: 'afterHours',
    });
  });

  it('counts a day off, a public holiday and a weekend, in working hours or not', () => {
    const german = withHolidays(
      settingsIn(BERLIN, { holidays: { country: 'DE', region: 'BE' }, daysOff: ['2026-12-23'] }),
      publicHolidays,
    );
    const why = (local: string) =>
      recordedContact(contact(at(local, BERLIN)), german, emptyIntents())?.why ?? null;
    expect(why('2026-12-23T10:00')).toBe('dayOff');
    expect(why('2026-12-25T10:00')).toBe('holiday');
    expect(why('2026-12-26T10:00')).toBe('weekend');
    expect(why('2026-12-22T10:00')).toBeNull();
    expect(why('2026-12-22T07:30')).toBe('beforeHours');
  });

  it('follows the working zone while travelling: 20:00 in Tokyo is after hours there', () => {
    const inTokyo = settingsIn('Asia/Tokyo');
    // 11:00 UTC: 12:00 in Berlin (inside at home), 20:00 in Tokyo (outside on the trip).
    const instant = Date.parse('2026-12-08T11:00:00Z');
    expect(recordedContact(contact(instant), berlin, emptyIntents())).toBeNull();
    expect(recordedContact(contact(instant), inTokyo, emptyIntents())).toMatchObject({
      at: '2026-12-08T20:00:00.000+09:00',
      why: 'afterHours',
    });
  });

  it('marks urgent by the team keyword and by a sender always urgent, and keeps no text', () => {
    const urgency = { rule: 'Call me', keywords: ['!urgent'], alwaysFrom: ['Kai'] };
    const evening = at('2026-12-08T21:00', BERLIN);
    const byKeyword = recordedContact(
      contact(evening, 'Prod is down !URGENT'),
      berlin,
      emptyIntents(),
      urgency,
    );
    const bySender = recordedContact(
      contact(evening, 'hi', { id: 'UKAI', name: 'Kai' }),
      berlin,
      emptyIntents(),
      urgency,
    );
    const neither = recordedContact(
      contact(evening, 'secret plans for the launch'),
      berlin,
      emptyIntents(),
      urgency,
    );
    expect([byKeyword?.urgent, bySender?.urgent, neither?.urgent]).toEqual([true, true, false]);
    expect(JSON.stringify([byKeyword, bySender, neither])).not.toMatch(/secret|Prod is down|hi"/);
  });

  it('counts a moment inside working hours as nothing, focus included, and the evening as outside', () => {
    const focusing = withFocus('2026-12-08T10:00:00+01:00', 60);
    const during = availabilityAt(at('2026-12-08T10:30', BERLIN), berlin, focusing);
    expect(during.mode).toBe('focus');
    expect(recordedContact(contact(at('2026-12-08T10:30', BERLIN)), berlin, focusing)).toBeNull();
    expect(recordedContact(contact(at('2026-12-08T19:00', BERLIN)), berlin, focusing)?.why).toBe(
      'afterHours',
    );
  });
});

describe('the week of the record in a sentence', () => {
  const week = (entries: [string, boolean][]) =>
    entries.map(([name, urgent], i) => ({
      at: new Date(Date.parse('2026-12-01T20:00:00Z') + i * 60_000).toISOString(),
      channel: 'slackDirect' as const,
      from: { id: name, name },
      urgent,
      why: 'afterHours' as const,
    }));
  const monday = Date.parse('2026-11-30T00:00:00Z');
  const next = Date.parse('2026-12-07T00:00:00Z');

  it('says how many, how many urgent, and who sent most of them, against the usual', () => {
    const contacts = week([
      ['Ana', true],
      ['Ana', false],
      ['Ana', false],
      ['Ana', false],
      ['Ana', false],
      ['Kai', true],
      ['Kai', false],
      ['Kai', false],
      ['Kai', false],
      ['Rui', true],
      ['Lee', false],
      ['Mo', false],
      ['Zé', false],
      ['Bo', false],
    ]);
    expect(contactSentence(contactWeek(contacts, monday, next), 'last week', 6, [])).toBe(
      '14 contacts outside your hours last week, 3 of them urgent; 9 from two people (Ana, Kai). Usually 6 a week.',
    );
  });

  it('makes no comparison without earlier weeks, and names what is not counted', () => {
    expect(
      contactSentence(contactWeek([], monday, next), 'this week so far', null, [
        'Microsoft 365',
        'Google Calendar',
      ]),
    ).toBe(
      'No contacts outside your hours this week so far. Microsoft 365 and Google Calendar are not connected: their contacts are not counted.',
    );
    expect(
      contactSentence(contactWeek(week([['Ana', false]]), monday, next), 'last week', null, [
        'Microsoft 365',
      ]),
    ).toBe(
      '1 contact outside your hours last week, none of them urgent. Microsoft 365 is not connected: its contacts are not counted.',
    );
  });
});
