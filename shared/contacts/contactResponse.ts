import type { Instant } from '../clockTime';
import type { Contact } from './contactRecord';

/**
 * What the person did about a contact outside their hours (#25): marked it "Urgent — I'm on it", answered
 * it outside their hours, left it for their hours (answered once they began, or not at all by then), or
 * nothing yet (their hours have not begun again).
 */
export type ContactResponse = 'onIt' | 'answeredOutside' | 'leftForHours' | 'notYet';

export function contactResponse(contact: Contact, now: Instant): ContactResponse {
  if (contact.onIt) return 'onIt';
  if (contact.answeredAt) return contact.answeredOutside ? 'answeredOutside' : 'leftForHours';
  // Recorded before the record kept when hours began again: left for them once a day has passed.
  const back = contact.backAt ? Date.parse(contact.backAt) : Date.parse(contact.at) + 24 * 3_600_000;
  return now >= back ? 'leftForHours' : 'notYet';
}

/** The response as a CSV's column says it. */
export const RESPONSE_CODES: Record<ContactResponse, string> = {
  onIt: 'urgent_on_it',
  answeredOutside: 'answered_outside_hours',
  leftForHours: 'left_for_working_hours',
  notYet: 'not_yet',
};

/** The response in words, with the reply's time where there was one ("Answered outside your hours, 21:40"). */
export function responseWords(contact: Contact, now: Instant): string {
  const answered = contact.answeredAt
    ? `, answered ${contact.answeredAt.slice(0, 10)} ${contact.answeredAt.slice(11, 16)}`
    : '';
  switch (contactResponse(contact, now)) {
    case 'onIt':
      return `Urgent — you were on it${answered}`;
    case 'answeredOutside':
      return `Answered outside your hours${answered}`;
    case 'leftForHours':
      return `Left for your working hours${answered}`;
    case 'notYet':
      return 'Not answered yet';
  }
}
