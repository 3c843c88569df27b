import type { Settings } from '../settings';
import type { TeamFile } from './teamFile';

// The team file a member follows, carried by their settings as the holiday calendar is (workPattern.ts's
// withHolidays): every pure function handed the settings (availability, the pushed status, the notification
// gate) sees the same team, and nothing of it is ever written into the member's own settings file.

const teams = new WeakMap<Settings, TeamFile>();

/** Gives these settings the team file the member follows (null: none). */
export function withTeam(settings: Settings, team: TeamFile | null): Settings {
  if (team) teams.set(settings, team);
  else teams.delete(settings);
  return settings;
}

/** The team file these settings carry, or null. */
export function teamOf(settings: Settings): TeamFile | null {
  return teams.get(settings) ?? null;
}

/** The member's urgency rules with the team's: the team's words shown to senders, both sets of keywords and senders. */
export function urgencyOf(settings: Settings): Settings['urgency'] {
  const team = teamOf(settings)?.urgency;
  if (!team) return settings.urgency;
  const union = (own: readonly string[], theirs: readonly string[] = []): string[] => {
    const seen = new Set(own.map((item) => item.toLowerCase()));
    return [...own, ...theirs.filter((item) => !seen.has(item.toLowerCase()))];
  };
  return {
    rule: team.rule ?? settings.urgency.rule,
    keywords: union(settings.urgency.keywords, team.keywords),
    alwaysFrom: union(settings.urgency.alwaysFrom, team.alwaysFrom),
  };
}
