import type { Settings } from '../../shared/settings';
import { withTeam } from '../../shared/team/teamNorms';
import { withHolidays } from '../../shared/workPattern';
import type { CadenceServiceOptions, TeamPort } from './servicePorts';

/**
 * The member's settings as every rule reads them: their own file, carrying the host's holiday calendar and
 * the team file they follow (none when the host follows none). Nothing of either is written back.
 */
export function memberSettings(
  options: Pick<CadenceServiceOptions, 'settings' | 'holidays'>,
  team: TeamPort | null | undefined,
): Settings {
  const settings = options.settings.value;
  if (options.holidays) withHolidays(settings, options.holidays);
  return withTeam(settings, team?.team ?? null);
}
