import { type Instant, isoInZone } from '../../shared/clockTime';
import { lastReadingBeforeHours, nextReadingAt, teamsReadingDue } from '../../shared/contacts/contactReading';
import { type OwnReply, withReplies } from '../../shared/contacts/contactResponse';
import { OVERLAP_MS, readFrom, readOutlook } from './outlookReading';
import { readSlackMentions } from './slackMentionReading';
import { readGoogle } from './googleReading';
import { MICROSOFT_RECORD_SCOPES, SLACK_MENTION_SCOPES } from '../providers/endpoints';
import { readTeams, withTeamsMarks } from './teamsReading';
import { recordedContact } from '../../shared/contacts/contactRecord';
import {
  type ContactState,
  type KeptContact,
  withContacts,
  withMark,
  withoutContacts,
} from '../../shared/contacts/contactState';
import type { Intents, Teammate } from '../../shared/intents';
import { slackMemberOf } from '../../shared/messageTiming';
import type { Settings } from '../../shared/settings';
import { urgencyOf } from '../../shared/team/teamNorms';
import { Disposable, type IDisposable } from '../base/lifetime';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';
import type { DocumentStore } from './documentStore';
import type { Clock } from './ports';

type SlackAccess = { provider: Provider | null; missing: readonly string[]; self: string | null };

/** How often the record reads Slack while it is on, outside the person's hours (see nextReadingAt). */
const READ_EVERY_MS = 10 * 60_000;

export interface ContactRecorderOptions {
  clock: Clock;
  store: DocumentStore<ContactState>;
  settings(): Settings;
  intents(): Intents;
  /** Slack as connected now: its provider, the record's permissions not granted, and who signed in. */
  slack(): SlackAccess | null;
  /** Google Calendar's provider while connected (its sign-in already reads the calendar). */
  google?(): Provider | null;
  /** Microsoft 365 while connected: its provider, the record's permissions not granted, a personal account. */
  microsoft?(): { provider: Provider | null; missing: readonly string[]; personal?: boolean } | null;
  /** Everyone in the glance, to name a sender as the person knows them. */
  people(): readonly Teammate[];
}

/**
 * The record of contacts outside the person's hours (#25), kept on this computer in contacts.json: read
 * only while the person has turned it on and allowed it; each message's text is read to see whether it
 * is urgent, and dropped. A reading cut short by Slack's limits goes on from where it stopped.
 */
export class ContactRecorder extends Disposable {
  private timer: IDisposable | null = null;
  private reading: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly options: ContactRecorderOptions) {
    super();
    this.register({ dispose: () => ((this.disposed = true), this.timer?.dispose()) });
  }

  get state(): ContactState {
    return this.options.store.value;
  }

  /** Services the last reading could not read (a sign-in to renew, a permission taken back…), in words. */
  private readonly unreadBy = new Map<string, string>();
  get unread(): string[] {
    return [...this.unreadBy].map(([service, why]) => `${service} could not be read: ${why}`);
  }

  /** A service refused or could not be reached; said until a reading succeeds (a pause is not a failure). */
  private failed(service: string, error: ProviderError): void {
    if (error.kind !== 'rateLimited') this.unreadBy.set(service, error.message);
  }

  start(): void {
    this.schedule(this.options.clock.now());
  }

  private schedule(at: Instant): void {
    this.timer?.dispose();
    this.nextAt = at;
    this.timer = this.options.clock.setTimer(at, () => ((this.nextAt = null), void this.read()));
  }

  /** When the next reading is due (null: none, the record is off or not allowed); for tests and benches. */
  nextAt: Instant | null = null;

  /** Resolves once the reading under way, if any, is kept. */
  settled(): Promise<void> {
    return this.reading ?? Promise.resolve();
  }

  /** Reads what came since the last reading (once at a time); resolves when it is kept. */
  read(): Promise<void> {
    this.reading ??= this.readOnce().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readOnce(): Promise<void> {
    const { clock, store } = this.options;
    const now = clock.now();
    let wait = READ_EVERY_MS;
    // Off, or no service connected and allowed: no timer at all; turning it on or allowing it reads at once.
    let again = false;
    try {
      const settings = this.options.settings();
      const stamp = isoInZone(now, settings.workTimeZone);
      if (!settings.contactRecord) {
        // Turned off: nothing that comes while off is read, even once it is on again (see below).
        if (store.value.since && !store.value.offSince) store.write({ ...store.value, offSince: stamp });
        return;
      }
      if (store.value.offSince) {
        // On again: the record goes on from now; what came while it was off is not read.
        const {
          offSince: _off,
          googleMark: _g,
          outlookMark: _o,
          outlookEventsMark: _e,
          outlookSentMark: _os,
          slackMentionMark: _m,
          teamsMark: _t,
          teamsPass: _tp,
          ...kept
        } = store.value;
        store.write({ ...kept, since: stamp, slackMarks: {} });
      }
      if (!store.value.since) store.write({ ...store.value, since: stamp });
      const slack = this.options.slack();
      const calendar = this.options.google?.() ?? null;
      const google = calendar?.invitations ? calendar : null;
      // Direct messages need their four permissions; mentions search:read, which an earlier record may lack.
      const slackMissing = slack?.missing.filter((scope) => !SLACK_MENTION_SCOPES.includes(scope)) ?? [];
      const slackReady = Boolean(slack?.provider?.conversations && !slackMissing.length);
      const mentions = slackReady && slack!.provider!.mentions && slack!.self && slack!.missing.length === 0;
      const microsoft = this.options.microsoft?.() ?? null;
      const mailAllowed = !microsoft?.missing.some((scope) => MICROSOFT_RECORD_SCOPES.includes(scope));
      const outlook = microsoft?.provider?.mail && mailAllowed ? microsoft.provider : null;
      // Teams chats once a day (teamsReadingDue); Chat.Read is asked of a work or school account only.
      const teams = microsoft?.provider?.teamsChats && !microsoft.missing.length ? microsoft.provider : null;
      again = slackReady || google !== null || outlook !== null || teams !== null;
      if (slackReady) wait = await this.readSlack(settings, slack!, now);
      // Slack's history may be read a minute apart (its pace); the others every ten minutes, and all of
      // them a minute before the hours begin.
      const morning = lastReadingBeforeHours(now, settings, this.options.intents());
      const due = (mark?: string) => morning || !mark || now - Date.parse(mark) >= READ_EVERY_MS - 30_000;
      const marks = store.value;
      if (mentions && due(marks.slackMentionMark))
        await this.readMentions(settings, slack!.provider!, slack!.self!, now);
      if (google && due(marks.googleMark)) await this.readGoogle(settings, google, now);
      // Microsoft 365 asked to wait (429 with Retry-After): the next reading waits at least that long.
      if (outlook && (due(marks.outlookMark) || due(marks.outlookEventsMark)))
        wait = Math.max(wait, await this.readOutlook(settings, outlook, now));
      if (teams && this.teamsDue(now, settings))
        wait = Math.max(wait, await this.readTeams(settings, teams, now));
    } finally {
      if (again && !this.disposed)
        this.schedule(nextReadingAt(clock.now(), wait, this.options.settings(), this.options.intents()));
    }
  }

  /** Slack's direct and group messages since the marks; the wait before the next reading. */
  private async readSlack(settings: Settings, slack: SlackAccess, now: Instant): Promise<number> {
    const { store } = this.options;
    try {
      const reading = await slack.provider!.conversations!(
        store.value.slackMarks,
        Date.parse(store.value.since!),
        now,
      );
      const names = new Map(this.options.people().map((p) => [slackMemberOf(p), p.name]));
      const urgency = urgencyOf(settings);
      const added: KeptContact[] = [];
      for (const message of reading.messages) {
        if (message.user === slack.self) continue;
        const from = { id: message.user, name: names.get(message.user) ?? message.user };
        const kept = recordedContact(
          { at: message.at, channel: message.kind, from, text: message.text },
          settings,
          this.options.intents(),
          urgency,
        );
        if (kept) added.push({ ...kept, key: `slack:${message.channel}:${message.ts}` });
      }
      const next = withContacts({ ...store.value, slackMarks: reading.marks }, added, now);
      // The person's own replies: the first after a contact in its conversation is when it was answered.
      const replies = reading.messages
        .filter((m) => m.user === slack.self)
        .map((m) => ({ where: `slack:${m.channel}:`, at: m.at }));
      store.write({
        ...next,
        contacts: withReplies(next.contacts, replies, settings, this.options.intents()),
      });
      this.unreadBy.delete('Slack');
      if (reading.retryAfterMs !== null) return Math.max(reading.retryAfterMs, 60_000);
      return reading.complete ? READ_EVERY_MS : 60_000;
    } catch (error) {
      // Slack unreachable, a sign-in to renew, a permission taken back: the next turn tries again, and the
      // Slack card says what the person can do; nothing read is lost (the marks did not move).
      if (!(error instanceof ProviderError)) throw error;
      this.failed('Slack', error);
      return READ_EVERY_MS;
    }
  }

  /** Slack's channel messages that mention the person (see slackMentionReading.ts). */
  private async readMentions(settings: Settings, slack: Provider, self: string, now: Instant): Promise<void> {
    const { store } = this.options;
    const names = new Map(this.options.people().map((p) => [slackMemberOf(p), p.name]));
    const [intents, access] = [this.options.intents(), { provider: slack, self, names }];
    const reading = await readSlackMentions(store.value, settings, intents, urgencyOf(settings), access, now);
    store.write({ ...withContacts(store.value, reading.added, now), slackMentionMark: reading.mark });
    if (reading.problem) this.failed('Slack', reading.problem);
  }

  /** Google Calendar's invitations from others since the last reading (see googleReading.ts). */
  private async readGoogle(settings: Settings, google: Provider, now: Instant): Promise<void> {
    const intents = this.options.intents();
    const later = () => this.options.clock.now();
    const state = this.state;
    const reading = await readGoogle(state, settings, intents, urgencyOf(settings), google, now, later);
    this.keep('Google Calendar', reading, (next) => ({ ...next, googleMark: reading.mark }), settings, now);
  }

  /**
   * Keeps a service's reading: its contacts (once each, by key), the person's answers, its marks; a problem
   * is said beside the weeks until a reading succeeds. Returns the wait the service asked for (429), or 0.
   */
  private keep(
    service: string,
    reading: { added: KeptContact[]; replies?: OwnReply[]; problem: ProviderError | null },
    withMarks: (state: ContactState) => ContactState,
    settings: Settings,
    now: Instant,
  ): number {
    const { store } = this.options;
    const next = withContacts(store.value, reading.added, now);
    const contacts = withReplies(next.contacts, reading.replies ?? [], settings, this.options.intents());
    store.write(withMarks({ ...next, contacts }));
    if (reading.problem) this.failed(service, reading.problem);
    else this.unreadBy.delete(service);
    return reading.problem?.kind === 'rateLimited' ? (reading.problem.retryAfterMs ?? 0) : 0;
  }

  /** Whether Teams is read at this reading: a pass to go on with, or a new day's (see teamsReadingDue). */
  private teamsDue(now: Instant, settings: Settings): boolean {
    const state = this.state;
    if (state.teamsPass) return true;
    // Just turned on: nothing to read yet; the first reading is the next working morning's.
    if (readFrom(state.teamsMark, Date.parse(state.since!)) >= now - OVERLAP_MS) return false;
    const last = state.teamsPolledAt ?? state.teamsMark;
    return teamsReadingDue(now, last ? Date.parse(last) : null, settings);
  }

  /** Teams chats since the last reading, and the person's own messages there (see teamsReading.ts). */
  private async readTeams(settings: Settings, teams: Provider, now: Instant): Promise<number> {
    const intents = this.options.intents();
    const reading = await readTeams(this.state, settings, intents, urgencyOf(settings), teams, now);
    return this.keep('Teams', reading, (next) => withTeamsMarks(next, reading.marks), settings, now);
  }

  /** The account's Teams chats cannot be read (a personal Microsoft account): said beside the weeks. */
  get teamsUnsupported(): boolean {
    return this.options.microsoft?.()?.personal === true;
  }

  /** Outlook's mail and invitations since the last reading (see outlookReading.ts). */
  private async readOutlook(settings: Settings, outlook: Provider, now: Instant): Promise<number> {
    const intents = this.options.intents();
    const reading = await readOutlook(this.state, settings, intents, urgencyOf(settings), outlook, now);
    return this.keep('Outlook', reading, (next) => ({ ...next, ...reading.marks }), settings, now);
  }

  /**
   * Marks one contact "Urgent — I'm on it" (or takes the mark back); false when the record has no contact
   * with that key (deleted, or older than the keeping time).
   */
  mark(key: string, onIt: boolean): boolean {
    const next = withMark(this.state, key, onIt);
    if (next) this.options.store.write(next);
    return next !== null;
  }

  /**
   * Deletes the contacts with these keys, or the whole record (null); the readings' marks stay, so nothing
   * already read comes back. Returns how many were deleted.
   */
  delete(keys: readonly string[] | null): number {
    const [before, next] = [this.state, withoutContacts(this.state, keys)];
    this.options.store.write(next);
    return before.contacts.length - next.contacts.length;
  }
}
