import type { TeammateView } from '../../shared/statusView';
import { printable } from '../../shared/printable';

const SOURCE_NAMES: Record<string, string> = { slack: 'Slack', google: 'Google', microsoft: 'Microsoft 365' };

export type TeammateChoice = { ok: true; id: string; name: string } | { ok: false; message: string };

const listed = (teammates: readonly TeammateView[]): string =>
  teammates.map((t) => `  ${printable(t.name)} (${t.timeZone})  [${printable(t.id)}]`).join('\n');

/**
 * Which teammate `teammates remove WHO` (or `edit WHO`) means: the one with that id, else the only one
 * with that name (letter case aside). Several with the name get a list to choose from by id; none, the
 * names there are.
 */
export function teammateByName(
  teammates: readonly TeammateView[],
  who: string,
  verb: 'remove' | 'edit' = 'remove',
): TeammateChoice {
  const byId = teammates.find((t) => t.id === who);
  const named = byId ? [byId] : teammates.filter((t) => t.name.trim().toLowerCase() === who.toLowerCase());
  const own = named.filter((t) => t.source === 'manual');
  if (own.length === 1 && own[0]) return { ok: true, id: own[0].id, name: own[0].name };
  if (own.length > 1)
    return {
      ok: false,
      message: `${own.length} teammates are called ${printable(who)}. Say which by its id:\n${listed(own)}\nFor example: cadence teammates ${verb} ${printable(own[0]?.id ?? '')}`,
    };
  const [fromService] = named;
  if (fromService)
    return {
      ok: false,
      message: `${printable(fromService.name)} comes from ${SOURCE_NAMES[fromService.source] ?? fromService.source}, and Cadence shows whoever it lists; ${verb === 'remove' ? 'remove them there' : 'change them there'}.`,
    };
  const mine = teammates.filter((t) => t.source === 'manual');
  return {
    ok: false,
    message: mine.length
      ? `No teammate is called ${printable(who)}. The teammates you added:\n${listed(mine)}`
      : `No teammate is called ${printable(who)}; you have added none (cadence teammates add NAME ZONE).`,
  };
}
