import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTeamText } from '../../../../shared/team/teamCheck';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';
import { teamProblemLine } from '../../../../shared/team/teamWords';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Team norms'), readme.indexOf('## Integrations'));

describe("the README's team file", () => {
  it('is the complete example Cadence checks, and valid', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
    expect(JSON.parse(block)).toEqual(TEAM_FILE_EXAMPLE);
    expect(checkTeamText(block).ok).toBe(true);
  });

  it('shows the problem line `cadence team check` prints for it', () => {
    const check = checkTeamText(JSON.stringify({ quiet: { evenings: { from: '6pm', until: '08:00' } } }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(section).toContain(`  ${teamProblemLine(check.problems[0]!)}\n`);
  });
});
