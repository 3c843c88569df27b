import { DateTime } from 'luxon';
import { emptyIntents, type Intents } from '../../../shared/intents';
import type { IntegrationView } from '../../../shared/integrationView';
import { defaultSettings, type Settings, type WorkSpan } from '../../../shared/settings';

export function at(local: string, zone: string): number {
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) throw new Error(`bad test time ${local}`);
  return parsed.toMillis();
}

export function iso(instant: number | null, zone: string): string | null {
  return instant === null
    ? null
    : DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true });
}

/** Settings in a zone; weeks start on Monday (en-GB), whatever the machine running the tests speaks. */
export function settingsIn(zone: string, patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(zone, 'en-GB'), onboarded: true, ...patch };
}

export function everyDay(spans: WorkSpan[]): Settings['week'] {
  return { '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': spans, '7': spans };
}

export function withFocus(startIso: string, minutes: number, stoppedAt?: string): Intents {
  const intents = emptyIntents();
  intents.focus.push({
    id: 'f1',
    startAt: new Date(startIso).toISOString(),
    plannedMinutes: minutes,
    ...(stoppedAt ? { stoppedAt } : {}),
  });
  return intents;
}

/** Five hours of focus a week, in blocks of 45 to 120 minutes, in the mornings, starting by themselves. */
export const FIVE_HOUR_GOAL: Settings['focusGoal'] = {
  weeklyHours: 5,
  minBlockMinutes: 45,
  maxBlockMinutes: 120,
  preferred: 'morning',
  start: 'auto',
};

/** A connected Google Calendar's card, up to date, with what a test changes. */
export const integrationView = (patch: Partial<IntegrationView> = {}): IntegrationView => ({
  id: 'google',
  name: 'Google Calendar',
  connected: true,
  configured: true,
  managed: false,
  signIn: null,
  health: { state: 'ok', message: 'Up to date', retryAt: null, lastSyncAt: null },
  account: null,
  ...patch,
});
