import fs from 'node:fs';
import { type Instant, localWallFields, setLocalZone } from '../../shared/clockTime';
import { writePlainly } from '../../shared/timeWriting';
import { posixLocale } from '../base/posixLocale';
import { canonicalZone } from '../../shared/zoneNames';
import type { IDisposable } from '../base/lifetime';
import type { Clock } from './ports';

/** Node's timers cap at about 24.8 days. */
const MAX_TIMEOUT = 2 ** 31 - 1;

export interface SystemClockOptions {
  /**
   * The longest one timer sleeps before it checks the wall clock again. Node's timers run on a
   * monotonic clock that stops while the machine sleeps and ignores clock changes, so a far deadline
   * is reached in legs of at most this length (0: one leg). Electron's powerMonitor makes it moot.
   */
  guardMs: number;
}

function systemZoneName(): string {
  if (process.env.TZ) return process.env.TZ.replace(/^:/, '');
  try {
    const target = fs.readlinkSync('/etc/localtime');
    const match = /zoneinfo\/(.+)$/.exec(target);
    if (match?.[1]) return match[1];
  } catch {
    // not a link, or not Linux: the runtime's idea of the zone is the best there is
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Which zone Date's local getters run in, learnt without Intl, or null when not sure. V8 asks ICU, which
 * takes TZ when it is set (a leading ":" dropped), else the zone /etc/localtime links to, and settles on
 * it at the first local time. Only a name ICU knows exactly as written counts ("europe/berlin" in TZ
 * gives UTC, though Intl accepts it; an empty TZ gives Etc/Unknown), and it must be the name Cadence
 * stores, so that a zone asked about by its stored name is this one; any name of UTC is UTC. Node takes
 * zone names in TZ (https://nodejs.org/api/cli.html#tz) and re-reads TZ when it is assigned
 * (https://github.com/nodejs/node/pull/20026): a host that assigns it calls learnRuntimeZone again.
 */
export function runtimeZone(): string | null {
  const tz = process.env.TZ;
  const name = tz === undefined ? systemZoneName() : tz.replace(/^:/, '');
  const stored = name ? canonicalZone(name) : null;
  // Every name of UTC keeps Date at offset 0 (so does ICU's Etc/Unknown for a spelling it does not take).
  return stored !== null && (stored === name || stored === 'UTC') ? stored : null;
}

/** Tells the shared time functions which zone Date runs in (see clockTime's setLocalZone), once at start. */
export function learnRuntimeZone(): void {
  setLocalZone(runtimeZone());
  // Times in that zone, in a locale whose words are fixed, are then written without Intl too (ICU's
  // default locale is the environment's, else en-US).
  writePlainly({ locale: posixLocale() ?? 'en-US', fields: localWallFields });
}

/** The computer's zone, under the one name Cadence stores for it (Etc/UTC is UTC, Asia/Calcutta Asia/Kolkata). */
export function systemTimeZone(): string {
  const name = systemZoneName();
  return canonicalZone(name) ?? name;
}

export class SystemClock implements Clock {
  /** Timer callbacks run so far, for the idle benchmark. */
  wakeUps = 0;

  constructor(private readonly options: SystemClockOptions = { guardMs: 5 * 60_000 }) {}

  now(): Instant {
    return Date.now();
  }

  timeZone(): string {
    return systemTimeZone();
  }

  setTimer(at: Instant, callback: () => void): IDisposable {
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const wait = Math.max(0, at - Date.now());
      const cap = this.options.guardMs > 0 ? Math.min(this.options.guardMs, MAX_TIMEOUT) : MAX_TIMEOUT;
      handle = setTimeout(
        () => {
          this.wakeUps++;
          if (Date.now() >= at) callback();
          else arm();
        },
        Math.min(wait, cap),
      );
      handle.unref?.();
    };
    arm();
    return { dispose: () => clearTimeout(handle) };
  }
}
