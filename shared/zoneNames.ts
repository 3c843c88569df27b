import { ZONE_ALIASES } from './zoneData/aliases';

/**
 * One name per zone. A zone has several names: the tz database renamed some (Asia/Calcutta became
 * Asia/Kolkata, Europe/Kiev Europe/Kyiv), keeps others as links (US/Eastern, Etc/UTC), and runtimes
 * still answer with the old ones (Intl.supportedValuesOf and, in older V8, resolvedOptions() spell
 * zones as ICU does: Asia/Calcutta). Cadence stores the tz database's current name, and "UTC" for
 * the UTC and GMT names as ECMA-402 does (shared/zoneData/aliases.ts says where the table comes from).
 */

const MEMO_LIMIT = 1024;
const memo = new Map<string, string | null>();

/**
 * How the runtime spells the zones it lists (each as itself), and UTC's other names that ECMA-402
 * requires and resolves to "UTC" (a machine's /etc/localtime names Etc/UTC): "UTC" is the primary
 * identifier of the UTC zone (https://tc39.es/ecma262/#sec-time-zone-identifiers);
 * test/unit/shared/zoneNames.test.ts checks the runtime resolves the others to it.
 */
let listed: ReadonlyMap<string, string> | null = null;

function spelledByRuntime(name: string): string | null {
  // Known here without a DateTimeFormat: the first one pages in about 8 MB of ICU's formatting data,
  // the list only its zone names (test/unit/shared/zoneNames.test.ts checks both spell alike).
  listed ??= new Map([
    ...(Intl.supportedValuesOf?.('timeZone') ?? []).map((zone) => [zone, zone] as const),
    ...['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT'].map((zone) => [zone, 'UTC'] as const),
  ]);
  const spelled = listed.get(name);
  if (spelled !== undefined) return spelled;
  try {
    // ECMA-402 accepts any case of any name the runtime knows, and answers with its own spelling.
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The name Cadence stores for the zone the text names under any of its names, or null when none. */
export function canonicalZone(text: string): string | null {
  const name = text.trim();
  let known = memo.get(name);
  if (known === undefined) {
    const spelled = name && name.length <= 100 ? spelledByRuntime(name) : null;
    known = spelled === null ? null : (ZONE_ALIASES[spelled] ?? ZONE_ALIASES[name] ?? spelled);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, known);
  }
  return known;
}

/** Whether two names are one zone (Etc/UTC and UTC, Asia/Calcutta and Asia/Kolkata). */
export function sameZone(a: string, b: string): boolean {
  return a === b || (canonicalZone(a) ?? a) === (canonicalZone(b) ?? b);
}
