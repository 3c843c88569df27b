import type { CalendarEvent } from '../../shared/calendar';
import type { ContactState } from '../../shared/contacts/contactState';
import type { ApiResult } from '../../shared/contract';
import type { Intents, Teammate } from '../../shared/intents';
import type { IntegrationView, ProviderId } from '../../shared/integrationView';
import type { Settings } from '../../shared/settings';
import type { StatusView } from '../../shared/statusView';
import type { TeamFile } from '../../shared/team/teamFile';
import type { TeamView } from '../../shared/team/teamView';
import type { HolidaySource } from '../../shared/workPattern';
import type { IDisposable } from '../base/lifetime';
import type { DocumentStore } from './documentStore';
import type { Messenger } from './messageSending';
import type { ActivityProbe, Clock, Notifier } from './ports';

/** What a host gives the Cadence core: its clock, its two documents, its desktop and what it knows. */
export interface CadenceServiceOptions {
  clock: Clock;
  settings: DocumentStore<Settings>;
  intents: DocumentStore<Intents>;
  notifier: Notifier;
  calendar?: () => readonly CalendarEvent[];
  /** Public holidays by country, region and year; without it, no date is a holiday. */
  holidays?: HolidaySource;
  /** Whether a public holiday calendar exists for a country (and region); none by default. */
  knowsHolidays?: (country: string, region: string | null) => boolean;
  newId?: () => string;
  /** What the host found wrong while starting (a token file others could read), shown in `status`. */
  startupProblems?: readonly string[];
  /** How the host sees activity at the machine (outside working hours only), or why it cannot. */
  activity?: ActivityProbe;
  /** The team file the member follows (main/core/teamFollower.ts); none in hosts that do not follow one. */
  team?: TeamPort;
  /** The record of contacts outside hours (main/core/contactRecorder.ts); none in hosts that keep none. */
  contacts?: ContactsPort;
}

/** The record of contacts outside hours, as the queries and commands see it (#25). */
export interface ContactsPort {
  readonly state: ContactState;
  /** Services the last reading could not read, in words. */
  readonly unread: readonly string[];
  /** The Microsoft account's Teams chats cannot be read (a personal account). */
  readonly teamsUnsupported?: boolean;
  /** Deletes the contacts with these keys (null: every contact kept); how many went. */
  delete(keys: readonly string[] | null): number;
  /** Marks a contact "Urgent — I'm on it" or takes the mark back; false when no contact has that key. */
  mark(key: string, onIt: boolean): boolean;
}

/** What the service needs from the connected services (main/core/integrations.ts). */
export interface IntegrationsPort {
  connect(
    id: ProviderId,
    purpose?: 'messages' | 'permission',
  ): Promise<ApiResult<{ startUrl: string; authorizeUrl: string }>>;
  /** What sending messages through a connected service needs (Slack): its provider and missing permissions. */
  messenger?(id: ProviderId): Messenger;
  configure(id: ProviderId, setting: { clientId: string; clientSecret?: string }): ApiResult<IntegrationView>;
  disconnect(id: ProviderId): ApiResult<null>;
  unconfigure(id: ProviderId): ApiResult<IntegrationView>;
  list(): IntegrationView[];
  problems(): string[];
  /** Reads the connected calendars again if the last read is older than `maxAgeMs`. */
  refreshIfStale?(maxAgeMs: number): void;
  calendar(): readonly CalendarEvent[];
  teammates(): readonly Teammate[];
  enrich(teammate: Teammate): Teammate;
  readonly onDidChange: (listener: () => void) => IDisposable;
}

/** What the service needs from the team file it follows (main/core/teamFollower.ts). */
export interface TeamPort {
  view(): TeamView;
  /** The team file followed: the good copy read from the address now set, or null. */
  readonly team: TeamFile | null;
  refresh(): Promise<TeamView>;
  noticeSeen(): TeamView;
  readonly onDidChange: (listener: (view: TeamView) => void) => IDisposable;
}

/** What the queries read of the running core: its documents, the calendars, the status and the problems. */
export interface QuerySource {
  readonly settings: Settings;
  readonly intents: Intents;
  readonly integrations: IntegrationsPort | null;
  readonly team: TeamPort | null;
  readonly contacts: ContactsPort | null;
  calendar(): readonly CalendarEvent[];
  status(): StatusView;
  problemDetails(): string[];
}
