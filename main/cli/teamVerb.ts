import { readFile } from 'node:fs/promises';
import { checkTeamText, teamProblemLine } from '../../shared/team/teamCheck';
import { teamSummary } from '../../shared/team/teamWords';

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
