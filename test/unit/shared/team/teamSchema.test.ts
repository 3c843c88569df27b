import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkTeamFile } from '../../../../shared/team/teamCheck';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';
import { teamFileSchema } from '../../../../shared/team/teamFile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const PUBLISHED = path.join(ROOT, 'docs/team-file.schema.json');

/** The JSON Schema as published: generated from the zod schema (the file is then formatted by prettier). */
const generated = z.toJSONSchema(teamFileSchema, { io: 'input' });
if (process.env.WRITE_TEAM_SCHEMA === '1')
  fs.writeFileSync(PUBLISHED, `${JSON.stringify(generated, null, 2)}\n`);

describe('the published JSON Schema of the team file', () => {
  it('is the one the zod schema generates (WRITE_TEAM_SCHEMA=1 rewrites it, then run prettier on it)', () => {
    expect(JSON.parse(fs.readFileSync(PUBLISHED, 'utf8'))).toEqual(generated);
  });

  // An editor checks the file with the published schema, Cadence with zod: they agree on what they both see.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const editorCheck = ajv.compile(JSON.parse(fs.readFileSync(PUBLISHED, 'utf8')) as object);
  const files: [string, unknown, boolean][] = [
    ['the complete example', TEAM_FILE_EXAMPLE, true],
    ['an empty file', {}, true],
    ['only $schema', { $schema: './team-file.schema.json' }, true],
    ['a misspelt field', { nmae: 'Platform' }, false],
    ['a 12-hour time', { endOfDay: { by: '6pm' } }, false],
    ['a weekday number', { meetingFreeDay: 3 }, false],
    ['core hours without a zone', { coreHours: { start: '15:00', end: '17:00' } }, false],
    ['a lower-case country', { quiet: { holidays: { country: 'de' } } }, false],
    ['a date that is no date', { disconnecting: { version: '1', date: '1 Sept', text: 'x' } }, false],
    ['a reply in minutes', { replies: { chat: { minutes: 30 } } }, false],
  ];
  it.each(files)('%s: the editor and Cadence agree', (_, file, valid) => {
    expect(editorCheck(file)).toBe(valid);
    expect(checkTeamFile(file).ok).toBe(valid);
  });
});
