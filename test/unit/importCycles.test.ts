import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../fakes/processHarness';
import cadenceRules from '../../eslint/importCycles.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Lints a small tree of files with the import-loop rule alone. */
async function lint(files: Record<string, string>): Promise<Map<string, string[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-loops-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js'],
        plugins: { cadence: cadenceRules },
        rules: { 'cadence/no-import-cycle': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(Object.keys(files));
  return new Map(results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => m.message)]));
}

describe('the lint rule that keeps imports running one way', () => {
  it('reports a loop of two files at both ends, naming the loop', async () => {
    const found = await lint({
      'a.js': "import { b } from './b';\nexport const a = 1;\n",
      'b.js': "import { a } from './a.js';\nexport const b = a;\n",
      'c.js': "import { a } from './a';\nexport const c = a;\n",
    });
    expect(found.get('a.js')).toEqual([expect.stringContaining('Import loop: a.js → b.js → a.js')]);
    expect(found.get('b.js')).toEqual([expect.stringContaining('Import loop: b.js → a.js → b.js')]);
    expect(found.get('c.js')).toEqual([]); // it only leads into the loop
  });

  it('follows type-only imports and re-exports through a longer chain, but not import()', async () => {
    const found = await lint({
      'x.js': "export { y } from './y';\n",
      'y.js': "import type { Z } from './sub/z';\nexport const y = 1;\n",
      'sub/z.js': "export * from '../x';\n",
      'lazy.js': "export const load = () => import('./late');\n",
      'late.js': "import { load } from './lazy';\nexport const late = load;\n",
    });
    expect(found.get('x.js')).toEqual([expect.stringContaining('x.js → y.js → sub/z.js → x.js')]);
    expect(found.get('lazy.js')).toEqual([]);
    expect(found.get('late.js')).toEqual([]);
  });

  it('is on for every source file, and main/core files are held to 300 lines', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of ['main/core/queries.ts', 'shared/prompts.ts', 'renderer/src/views/App.tsx']) {
      const config = await eslint.calculateConfigForFile(path.join(ROOT, file));
      expect(config.rules['cadence/no-import-cycle'], file).toEqual([2]);
    }
    const core = await eslint.calculateConfigForFile(path.join(ROOT, 'main/core/cadenceService.ts'));
    expect(core.rules['max-lines']).toEqual([2, { max: 300 }]);
  });
});
