import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CadenceService } from '../../main/core/cadenceService';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import { isKnownHolidayCountry, publicHolidays } from '../../main/core/holidayCalendar';
import type { ActivityProbe } from '../../main/core/ports';
import { openDocuments } from '../../main/headless/startHeadless';
import type { CompanionEvent } from '../../shared/contract';
import { defaultSettings, type Settings } from '../../shared/settings';
import { FakeClock } from './fakeClock';

export interface Harness {
  dir: string;
  clock: FakeClock;
  notifier: MemoryNotifier;
  service: CadenceService;
  events: CompanionEvent[];
  reopen(): Harness;
}

export function tempDir(prefix = 'cadence-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes onboarded settings for a zone into a data folder, as a user who finished onboarding would have. */
export function seedSettings(dir: string, zone: string, patch: Partial<Settings> = {}): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ ...defaultSettings(zone, 'en-GB'), onboarded: true, ...patch }),
  );
}

/** The real service on a temporary data folder, with a fake clock and a notifier that records. */
export function startService(
  dir: string,
  clock: FakeClock,
  options: { activity?: ActivityProbe } = {},
): Harness {
  const notifier = new MemoryNotifier();
  const { settings, intents } = openDocuments(dir, clock);
  const service = new CadenceService({
    clock,
    settings,
    intents,
    notifier,
    holidays: publicHolidays,
    knowsHolidays: isKnownHolidayCountry,
    ...(options.activity ? { activity: options.activity } : {}),
  });
  const events: CompanionEvent[] = [];
  service.onEvent((event) => events.push(event));
  service.start();
  return {
    dir,
    clock,
    notifier,
    service,
    events,
    reopen: () => (service.dispose(), startService(dir, clock, options)),
  };
}
