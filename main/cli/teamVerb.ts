import { readFile } from 'node:fs/promises';
import type { ApiResult } from '../../shared/contract';
import { checkTeamText, teamProblemLine } from '../../shared/team/teamCheck';
import type { TeamView } from '../../shared/team/teamView';
import { teamSummary } from '../../shared/team/teamWords';
import { offsetDayTime } from '../../shared/words';
import type { ApiClient } from './apiClient';
import { refusalWords } from './gentle';

// `cadence team check FILE`: a team file checked before it is published, without a running Cadence. Loaded
// only by this verb: the validator and the date library stay off every other verb's path.

export interface Say {
  show(text: string): void;
  complain(text: string): void;
}

/** Checks a team file on disk: 0 with a summary of what it sets, 2 with every problem, 1 when it is unreadable. */
export async function teamCheck(file: string, json: boolean, say: Say): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    say.complain(
      code === 'ENOENT'
        ? `There is no file ${file}: give the path of the team file, e.g. cadence team check team.json`
        : `Could not read ${file}: ${(error as Error).message}.`,
    );
    return 1;
  }
  const check = checkTeamText(text);
  if (json) {
    say.show(JSON.stringify(check.ok ? { ok: true, summary: teamSummary(check.team) } : check, null, 2));
    return check.ok ? 0 : 2;
  }
  if (!check.ok) {
    const count = check.problems.length;
    say.complain(
      [
        `${file} is not a team file Cadence can follow yet: ${count} problem${count === 1 ? '' : 's'}.`,
        ...check.problems.map((problem) => `  ${teamProblemLine(problem)}`),
        'Nothing in it is used until every problem is fixed.',
      ].join('\n'),
    );
    return 2;
  }
  say.show(
    [`${file} is a valid team file. It sets:`, ...teamSummary(check.team).map((line) => `  ${line}`)].join(
      '\n',
    ),
  );
  return 0;
}

/** The team file followed, in words: the team, when it was read, what changed, what went wrong. */
export function describeTeam(team: TeamView): string {
  if (!team.address)
    return 'You follow no team file. Set its address in Settings → Team; check a file first with: cadence team check FILE';
  const lines = team.team
    ? [
        `Following ${team.team.name ?? 'your team'} (${team.address})${team.readAt ? `, last read ${offsetDayTime(team.readAt)}` : ''}.`,
        ...team.summary.map((line) => `  ${line}`),
      ]
    : [`No good copy of the team file at ${team.address} yet.`];
  if (team.notice) lines.push(`Changed: ${team.notice.lines.join('. ')}.`);
  if (team.error) lines.push(`! ${team.error}`);
  lines.push(...team.problems.map((problem) => `  ${teamProblemLine(problem)}`));
  return lines.join('\n');
}

/**
 * `cadence team` (and `cadence team read`, which reads the file first): the team file followed. A change
 * shown here counts as seen, as in the window.
 */
export async function teamShow(client: ApiClient, read: boolean, json: boolean, say: Say): Promise<number> {
  const result: ApiResult<TeamView> = read
    ? await client.command('team.refresh', {})
    : await client.query('team', {});
  if (!result.ok) {
    say.complain(refusalWords(result, {}));
    return 1;
  }
  say.show(json ? JSON.stringify(result.value, null, 2) : describeTeam(result.value));
  if (result.value.notice) await client.command('team.seen', {});
  return 0;
}
