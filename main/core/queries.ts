import { DAY, type Instant, isoInZone, localDate } from '../../shared/clockTime';
import {
  type ApiResult,
  issuesOf,
  type QueryData,
  queryInputSchemas,
  type QueryName,
  type QueryResult,
  refusal,
} from '../../shared/contract';
import { contactsView } from '../../shared/contacts/contactView';
import { dayPlan } from '../../shared/dayPlan';
import { coreSpansOn } from '../../shared/team/coreHours';
import { history } from '../../shared/history';
import { KEEP_DAYS } from '../../shared/retention';
import { describeStatus } from '../../shared/statusLines';
import { setTimeWriting } from '../../shared/timeWriting';
import { toDayPlanView, type TeammateView, type TogetherView } from '../../shared/statusView';
import { teamOf } from '../../shared/team/teamNorms';
import { TeamQuietByZone, wholeTeamTogether } from '../../shared/team/teamTogether';
import { glance, overlapSpans, teammatePattern, type ZoneMoments } from '../../shared/teammateGlance';
import type { Teammate } from '../../shared/intents';
import { slackMemberOf } from '../../shared/messageTiming';
import { patternOf } from '../../shared/workPattern';
import type { QuerySource } from './servicePorts';

export interface QueryMoment {
  now: Instant;
  /** The computer's zone, which may differ from the working zone while travelling. */
  systemZone: string;
}

type Source = QuerySource;

type QueryHandler<Q extends QueryName> = (
  source: Source,
  input: QueryData<Q>,
  moment: QueryMoment,
) => ApiResult<QueryResult<Q>>;

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

const queryHandlers: { [Q in QueryName]: QueryHandler<Q> } = {
  status: (source) => ok(source.status()),
  'status.text': (source, { clock, locale }) => {
    // Written as the asking CLI read the settings file (the service's own copy may not have caught up
    // with a change made by hand), then back to the service's way.
    const { settings } = source;
    setTimeWriting(locale === undefined ? settings.locale : locale, clock ?? settings.clock);
    try {
      return ok({ text: describeStatus(source.status()) });
    } finally {
      setTimeWriting(settings.locale, settings.clock);
    }
  },
  settings: (source) => ok(source.settings),
  plan: (source, { date }, { now }) => {
    const zone = source.settings.workTimeZone;
    const day = date ?? localDate(now, zone);
    const plan = toDayPlanView(dayPlan(day, now, source.settings, source.intents, source.calendar()));
    const core = coreSpansOn(day, zone, source.team?.view().team ?? null);
    const coreHours = core.map((span) => ({
      start: isoInZone(span.start, zone),
      end: isoInZone(span.end, zone),
    }));
    return ok({ ...plan, coreHours });
  },
  history: (source, { from, to }, { now }) => {
    if (from > to) return refusal('invalid_input', 'The history range ends before it starts.');
    if (Date.parse(to) - Date.parse(from) > KEEP_DAYS * DAY)
      return refusal('invalid_input', `Ask for at most ${KEEP_DAYS} days of history at once.`);
    return ok(history(from, to, now, source.settings, source.intents, source.calendar()));
  },
  teammates: (source, _input, { now }) => ok(teammateViews(source, now)),
  'teammates.together': (source, _input, { now }) => ok(togetherView(source, now)),
  integrations: (source) => ok(source.integrations?.list() ?? []),
  problems: (source) => ok(source.problemDetails()),
  contacts: (source, range, { now }) => {
    if (!source.contacts) return refusal('not_available', 'This Cadence keeps no record of contacts.');
    const connected = (source.integrations?.list() ?? []).filter((v) => v.connected).map((v) => v.id);
    const nudged = source.intents.nudges.filter((n) => n.answer === 'urgent').map((n) => Date.parse(n.at));
    const teams = source.contacts.teamsUnsupported ? 'unsupported' : 'daily';
    const view = contactsView(source.contacts.state, source.settings, now, connected, range, nudged, teams);
    return ok({ ...view, unread: [...source.contacts.unread] });
  },
  team: (source) =>
    source.team
      ? ok(source.team.view())
      : refusal('not_available', 'This Cadence does not follow a team file (it was started without one).'),
};

/** Answers a query from the service's current documents: validated input, typed answer. */
export function answerQuery<Q extends QueryName>(
  source: Source,
  name: Q,
  input: unknown,
  moment: QueryMoment,
): ApiResult<QueryResult<Q>> {
  const parsed = queryInputSchemas[name].safeParse(input === undefined ? {} : input);
  if (!parsed.success)
    return refusal('invalid_input', `The ${name} query's input is not valid.`, issuesOf(parsed.error));
  const handler: QueryHandler<Q> = queryHandlers[name];
  return handler(source, parsed.data, moment);
}

/** The teammates shown: the user's own, enriched by the services, then the services' not replaced. */
/** Everyone in the glance: the teammates the user added (with what services add), then the services' own. */
export function teammatesOf(source: Pick<Source, 'intents' | 'integrations'>): Teammate[] {
  const integrations = source.integrations;
  const own = integrations
    ? source.intents.teammates.map((t) => integrations.enrich(t))
    : source.intents.teammates;
  // A service's teammate the user gave real hours to is shown once, as the user entered them.
  const replaced = new Set(own.flatMap((t) => (t.replaces ? [t.replaces] : [])));
  const fromServices = (integrations?.teammates() ?? []).filter((t) => !replaced.has(t.id));
  return [...own, ...fromServices];
}

/** The team's quiet time by zone, when the team file the user follows sets any. */
export function teamQuiet(settings: Source['settings']): TeamQuietByZone | null {
  const quiet = teamOf(settings)?.quiet;
  return quiet ? new TeamQuietByZone(quiet, patternOf(settings).holidaySource) : null;
}

function togetherView(
  source: Pick<Source, 'settings' | 'intents' | 'integrations'>,
  now: Instant,
): TogetherView | null {
  const teammates = teammatesOf(source);
  if (!teammates.length) return null;
  const settings = source.settings;
  const zone = settings.workTimeZone;
  const quiet = teamQuiet(settings);
  const together = wholeTeamTogether(
    now,
    { spans: overlapSpans(now, patternOf(settings)), zone },
    teammates.map(teammatePattern),
    quiet,
  );
  return {
    next: together ? { start: isoInZone(together.start, zone), end: isoInZone(together.end, zone) } : null,
    people: teammates.length + 1,
    timeZone: zone,
    teamQuietApplied: quiet !== null,
  };
}

/** The teammates glance: yours and the connected services', each with what their calendars say. */
export function teammateViews(
  source: Pick<Source, 'settings' | 'intents' | 'integrations'>,
  now: Instant,
): TeammateView[] {
  const settings = source.settings;
  const mine = overlapSpans(now, patternOf(settings));
  const zone = settings.workTimeZone;
  const moments: ZoneMoments = new Map();
  const quiet = teamQuiet(settings);
  // Anyone Slack lists can be sent a message, but the signed-in person themself.
  const self = source.integrations?.messenger?.('slack').self ?? null;
  const messageable = (teammate: Teammate) => {
    const member = slackMemberOf(teammate);
    return member !== null && member !== self;
  };
  return teammatesOf(source).map((teammate) => {
    const view = glance(teammate, now, zone, mine, moments);
    const inQuiet = quiet?.at(teammate.timeZone, now);
    return {
      ...view,
      source: teammate.source,
      ...(messageable(teammate) ? { messageable: true as const } : {}),
      ...(quiet
        ? { teamQuiet: inQuiet ? { kind: inQuiet.kind, until: isoInZone(inQuiet.until, zone) } : null }
        : {}),
      ...(teammate.source === 'manual'
        ? {
            entered: {
              week: teammate.week,
              weekendDays: teammate.weekendDays,
              ...(teammate.email ? { email: teammate.email } : {}),
            },
          }
        : {}),
      nextAvailable: view.nextAvailable === null ? null : isoInZone(view.nextAvailable, zone),
      nextOverlap: view.nextOverlap
        ? { start: isoInZone(view.nextOverlap.start, zone), end: isoInZone(view.nextOverlap.end, zone) }
        : null,
    };
  });
}
