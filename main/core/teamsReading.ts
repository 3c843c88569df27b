import { type Instant, isoInZone } from '../../shared/clockTime';
import { recordedContact } from '../../shared/contacts/contactRecord';
import type { OwnReply } from '../../shared/contacts/contactResponse';
import type { ContactState, KeptContact } from '../../shared/contacts/contactState';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { Provider, TeamsPass } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import { conversationKey } from './contactKeys';
import { readFrom } from './outlookReading';

export interface TeamsReading {
  added: KeptContact[];
  /** The person's own messages: the answers to the contacts of their chats. */
  replies: OwnReply[];
  /** The state's Teams fields after it: where the next reading begins, and a pass to go on with. */
  marks: Pick<ContactState, 'teamsMark' | 'teamsPolledAt' | 'teamsPass'>;
  problem: ProviderError | null;
}

/**
 * The messages others wrote in the person's Teams chats since the last whole reading (a few minutes'
 * overlap; the key counts each once), and the person's own there; one that reached them outside their
 * hours is a contact. A day's reading that stopped short (its limits, a 429 not over, Graph unreachable)
 * is a pass, kept in the state and gone on with at the next reading, over the same window: nothing read
 * is lost, and nothing past the window waits for more than the next day's.
 */
export async function readTeams(
  state: ContactState,
  settings: Settings,
  intents: Intents,
  urgency: Settings['urgency'],
  teams: Provider,
  now: Instant,
): Promise<TeamsReading> {
  const since = Date.parse(state.since!);
  const at = (instant: Instant) => isoInZone(instant, settings.workTimeZone);
  const kept = state.teamsPass;
  const pass: TeamsPass = kept
    ? { from: Date.parse(kept.from), until: Date.parse(kept.until), chats: kept.chats, done: kept.done }
    : { from: readFrom(state.teamsMark, since), until: now, done: [] };
  const marks: TeamsReading['marks'] = {
    teamsMark: state.teamsMark,
    teamsPolledAt: kept ? state.teamsPolledAt : at(now),
    teamsPass: { from: at(pass.from), until: at(pass.until), done: pass.done },
  };
  const reading: TeamsReading = { added: [], replies: [], marks, problem: null };
  let chats;
  try {
    chats = await teams.teamsChats!(pass, now);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ...reading, marks: afterRefusal(state, marks, error), problem: error };
  }
  // A personal account, whose chats cannot be read (the record says so): nothing to keep.
  if (!chats) return { ...reading, marks: { teamsMark: state.teamsMark } };
  for (const message of chats.messages) {
    if (message.at < since) continue;
    const where = conversationKey('teams', message.chat);
    if (message.own) {
      reading.replies.push({ where, at: message.at });
      continue;
    }
    const incoming = {
      at: message.at,
      channel: 'teamsChat' as const,
      from: message.from,
      text: message.text,
    };
    const contact = recordedContact(incoming, settings, intents, urgency);
    if (contact) reading.added.push({ ...contact, key: `${where}${message.id.slice(0, 40)}` });
  }
  reading.problem = chats.problem;
  if (chats.problem) reading.marks = afterRefusal(state, marks, chats.problem);
  if (chats.complete) reading.marks = { teamsMark: at(pass.until), teamsPolledAt: marks.teamsPolledAt };
  else if (reading.marks.teamsPass) {
    const { chats: listed, done } = chats.pass;
    reading.marks.teamsPass = {
      ...reading.marks.teamsPass,
      ...(listed ? { chats: listed.slice(0, 5_000) } : {}),
      done: done.slice(-5_000),
    };
  }
  return reading;
}

/**
 * After a failure: a pause (429) or Graph out of reach leaves the pass to go on with at the next reading;
 * a refusal (a permission, a sign-in to renew, every chat refused) ends it, is not tried again before the
 * next day's reading, and is said beside the weeks.
 */
function afterRefusal(
  state: ContactState,
  marks: TeamsReading['marks'],
  error: ProviderError,
): TeamsReading['marks'] {
  if (error.kind === 'rateLimited' || error.kind === 'transient') return marks;
  // The pass is dropped: the next day's reading reads from the last whole one again, whatever it was.
  return { teamsMark: state.teamsMark, teamsPolledAt: marks.teamsPolledAt };
}

/** The state with its Teams fields replaced by `marks` (a field not set is left out of contacts.json). */
export function withTeamsMarks(state: ContactState, marks: TeamsReading['marks']): ContactState {
  const { teamsMark: _m, teamsPolledAt: _p, teamsPass: _s, ...rest } = state;
  const set = Object.entries(marks).filter(([, value]) => value !== undefined);
  return { ...rest, ...(Object.fromEntries(set) as TeamsReading['marks']) };
}
