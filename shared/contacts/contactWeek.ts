import type { Instant } from '../clockTime';
import type { Contact } from './contactRecord';

/** What a week of the record says: how many contacts, how many urgent, and who they mostly came from. */
export interface ContactWeek {
  total: number;
  urgent: number;
  /** The fewest people who sent at least half of them (at most three), with how many they sent. */
  mostFrom: { names: string[]; count: number } | null;
}

/** The contacts that arrived in [from, to). */
export function contactWeek(contacts: readonly Contact[], from: Instant, to: Instant): ContactWeek {
  const inWeek = contacts.filter((c) => {
    const at = Date.parse(c.at);
    return at >= from && at < to;
  });
  const bySender = new Map<string, { name: string; count: number }>();
  for (const contact of inWeek) {
    const known = bySender.get(contact.from.id) ?? { name: contact.from.name, count: 0 };
    known.count++;
    bySender.set(contact.from.id, known);
  }
  const ranked = [...bySender.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  let mostFrom: ContactWeek['mostFrom'] = null;
  let count = 0;
  for (let i = 0; i < Math.min(3, ranked.length); i++) {
    count += ranked[i]!.count;
    // Worth saying only when fewer people than sent them account for half or more.
    if (count * 2 >= inWeek.length && i + 1 < ranked.length) {
      mostFrom = { names: ranked.slice(0, i + 1).map((r) => r.name), count };
      break;
    }
  }
  return { total: inWeek.length, urgent: inWeek.filter((c) => c.urgent).length, mostFrom };
}

const NUMBER_WORDS = ['no one', 'one person', 'two people', 'three people'];

/**
 * The week in a sentence: "14 contacts outside your hours last week, 3 of them urgent; 9 from two people
 * (Ana, Kai). Usually 6 a week." `usual` is null when there are no earlier weeks on record (no comparison
 * is made up); services not connected are named, never counted as zero.
 */
export function contactSentence(
  week: ContactWeek,
  /** Which days, as the sentence says them: "last week", "this week so far". */
  which: string,
  usual: number | null,
  notConnected: readonly string[],
): string {
  const parts: string[] = [];
  if (week.total === 0) parts.push(`No contacts outside your hours ${which}.`);
  else {
    const urgent = week.urgent ? `, ${week.urgent} of them urgent` : ', none of them urgent';
    const most = week.mostFrom
      ? `; ${week.mostFrom.count} from ${NUMBER_WORDS[week.mostFrom.names.length]} (${week.mostFrom.names.join(', ')})`
      : '';
    parts.push(
      `${week.total} ${week.total === 1 ? 'contact' : 'contacts'} outside your hours ${which}${urgent}${most}.`,
    );
  }
  if (usual !== null) parts.push(`Usually ${Math.round(usual)} a week.`);
  if (notConnected.length)
    parts.push(
      `${notConnected.join(' and ')} ${notConnected.length === 1 ? 'is' : 'are'} not connected: ${notConnected.length === 1 ? 'its' : 'their'} contacts are not counted.`,
    );
  return parts.join(' ');
}
