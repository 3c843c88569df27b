import { DAY, type Instant } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import { missingScopes } from '../../auth/grantedScopes';
import { authorizedCall, checkJsonError } from '../authorizedCall';
import type { HttpResponse } from '../providerError';
import type { TokenSource } from '../provider';
import { type OwnPlannedEvent, type PlannedBlock, plannedChanges, wantedPlanned } from '../plannedChanges';

const SERVICE = 'Microsoft 365';
/** Writing events: "Calendars.ReadWrite" (https://learn.microsoft.com/en-us/graph/api/user-post-events, Permissions). */
export const WRITE_SCOPES = ['Calendars.ReadWrite'];
/**
 * Cadence's own property set. A named single-value extended property is "String {GUID} Name <name>"
 * (https://learn.microsoft.com/en-us/graph/api/resources/extended-properties-overview, id formats).
 */
const PROPERTY_SET = '{7c3f1d2e-5b8a-4e61-9f0d-3a6c2b18e9d4}';
/** Marks every block Cadence planned ahead, so that all of them are listed in one filter. */
export const PLANNED_TAG = `String ${PROPERTY_SET} Name cadencePlanned`;
/** The planned block's stable key (goal:2026-11-25:0): the same event is found again after a restart. */
export const KEY_TAG = `String ${PROPERTY_SET} Name cadenceFocusId`;
/** Times are sent and read in UTC: dateTime has no offset, the zone is named beside it (dateTimeTimeZone). */
const utc = (at: Instant) => ({ dateTime: new Date(at).toISOString().slice(0, 19), timeZone: 'UTC' });
const fromUtc = (value: { dateTime?: string } | undefined) =>
  Date.parse(`${(value?.dateTime ?? '').slice(0, 23)}Z`);
/** Cadence's events are listed newest first: more pages than this would be a runaway. */
const MAX_PAGES = 20;

/**
 * The focus goal's blocks on the Outlook calendar ahead of time: each a busy event marked as focus time,
 * found again by Cadence's private tag, moved when the plan moves it, made again when deleted by hand,
 * and removed when it is skipped or the goal is turned off. Nothing is written without Calendars.ReadWrite.
 */
export class PlannedEvents {
  private applied: string | null = null;

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: TokenSource,
    private readonly timeoutMs: number,
  ) {}

  /** Whether the sign-in lets Cadence write to the calendar. */
  get mayWrite(): boolean {
    return missingScopes(this.tokens.granted(), WRITE_SCOPES).length === 0;
  }

  reset(): void {
    this.applied = null;
  }

  async apply(desired: Desired, now: Instant): Promise<void> {
    // Without the permission nothing is written; the integration's card says why and asks for it.
    if (!this.mayWrite) return;
    const wanted = wantedPlanned(desired.planned, now);
    const key = JSON.stringify(wanted);
    if (key === this.applied) return;
    const changes = plannedChanges(wanted, await this.ownEvents(now), now, desired.focus?.id ?? null);
    for (const block of changes.create) await this.create(block);
    for (const { eventId, block } of changes.move) await this.move(eventId, block);
    for (const eventId of changes.remove) await this.remove(eventId);
    this.applied = key;
  }

  private url(path: string): string {
    return `${this.apiUrl.replace(/\/$/, '')}${path}`;
  }

  private call(request: { method?: string; url: string; json?: unknown }): Promise<HttpResponse> {
    return authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, ...request, headers: { prefer: 'outlook.timezone="UTC"' } },
      SERVICE,
    );
  }

  private event(block: PlannedBlock): Record<string, unknown> {
    return {
      subject: 'Focus time',
      body: { contentType: 'text', content: 'Planned by Cadence for your weekly focus goal.' },
      // Busy, so that others' scheduling assistants see the time as taken; focus time, as a category
      // the user can colour; no reminder, since Cadence starts the block itself (event resource:
      // showAs, categories, isReminderOn, https://learn.microsoft.com/en-us/graph/api/resources/event).
      showAs: 'busy',
      categories: ['Focus time'],
      isReminderOn: false,
      start: utc(block.start),
      end: utc(block.end),
      singleValueExtendedProperties: [
        { id: PLANNED_TAG, value: '1' },
        { id: KEY_TAG, value: block.id },
      ],
    };
  }

  private async create(block: PlannedBlock): Promise<void> {
    const response = await this.call({
      method: 'POST',
      url: this.url('/me/events'),
      json: this.event(block),
    });
    checkJsonError(response, SERVICE, 'add a planned focus block to your calendar');
  }

  /** Only the times change: the same event, so whoever looked at it sees it move. */
  private async move(eventId: string, block: PlannedBlock): Promise<void> {
    const response = await this.call({
      method: 'PATCH',
      url: this.url(`/me/events/${encodeURIComponent(eventId)}`),
      json: { start: utc(block.start), end: utc(block.end) },
    });
    // Deleted by hand in the meantime: made again, the plan still wants it.
    if (response.status === 404) await this.create(block);
    else checkJsonError(response, SERVICE, 'move a planned focus block');
  }

  private async remove(eventId: string): Promise<void> {
    const response = await this.call({
      method: 'DELETE',
      url: this.url(`/me/events/${encodeURIComponent(eventId)}`),
    });
    if (response.status !== 404) checkJsonError(response, SERVICE, 'remove a skipped focus block');
  }

  /**
   * Cadence's planned events, newest first, down to those that began before yesterday: a filter on the
   * tag ("GET /me/events?$filter=singleValueExtendedProperties/Any(ep: ep/id eq ... and ep/value eq ...)",
   * documented for collections on https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get),
   * with the key expanded ("$expand=singleValueExtendedProperties($filter=id eq ...)": that page shows
   * the expand on one event; on a collection it is OData's $expand with a nested $filter, which Graph
   * answers though the page does not show it); every page through @odata.nextLink
   * (https://learn.microsoft.com/en-us/graph/paging). Property ids are compared without case: Graph may
   * write the GUID in another case than Cadence asked.
   */
  private async ownEvents(now: Instant): Promise<OwnPlannedEvent[]> {
    const query = new URLSearchParams({
      $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${PLANNED_TAG}' and ep/value eq '1')`,
      $expand: `singleValueExtendedProperties($filter=id eq '${KEY_TAG}')`,
      $orderby: 'start/dateTime desc',
      $top: '50',
    });
    const found: OwnPlannedEvent[] = [];
    let url: string | null = this.url(`/me/events?${query}`);
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response = await this.call({ url });
      checkJsonError(response, SERVICE, 'look up its planned focus blocks');
      const body = (response.body ?? {}) as {
        value?: {
          id: string;
          start?: { dateTime?: string };
          end?: { dateTime?: string };
          singleValueExtendedProperties?: { id?: string; value?: string }[];
        }[];
        '@odata.nextLink'?: unknown;
      };
      let older = false;
      for (const item of body.value ?? []) {
        const key = item.singleValueExtendedProperties?.find(
          (p) => p.id?.toLowerCase() === KEY_TAG.toLowerCase(),
        )?.value;
        const start = fromUtc(item.start);
        older ||= start < now - DAY;
        if (key) found.push({ id: item.id, key, start, end: fromUtc(item.end) });
      }
      const next = body['@odata.nextLink'];
      // The rest began long ago: nothing there is Cadence's to change.
      url = !older && typeof next === 'string' && next.startsWith(this.url('')) ? next : null;
    }
    return found;
  }
}
