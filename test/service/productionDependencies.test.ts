import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';

const run = promisify(execFile);

/** Every bare module name the built main process (and its chunks) imports. */
function externalImports(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) {
        const code = fs.readFileSync(file, 'utf8');
        // import … from "x", import("x"), require("x") and createRequire(import.meta.url)("x"); a module's
        // name has no spaces (a string like "from" && … is not one)
        for (const match of code.matchAll(
          /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|createRequire\([^)]*\)\s*\(\s*)["']([^"'./\s][^"'\s]*)["']/g,
        ))
          names.add(match[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'out', 'main'));
  // Electron provides 'electron' itself at run time; node: and built-in modules come with Node.
  return [...names].filter((name) => name !== 'electron' && !isBuiltin(name)).sort();
}

const dir = tempDir('cadence-prod-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the built app with production dependencies only', () => {
  it('resolves every module the built main process imports after `npm ci --omit=dev`', async () => {
    const names = externalImports();
    expect(names).toEqual(expect.arrayContaining(['electron-store', 'node-notifier']));
    for (const file of ['package.json', 'package-lock.json'])
      fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    await run(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
      {
        cwd: dir,
        timeout: 240_000,
      },
    );
    const check = path.join(dir, 'resolve-all.mjs');
    fs.writeFileSync(
      check,
      `const missing = [];\nfor (const name of ${JSON.stringify(names)}) {\n  try { import.meta.resolve(name); } catch (error) { missing.push(name + ': ' + error.code); }\n}\nconsole.log(JSON.stringify(missing));\n`,
    );
    const { stdout } = await run(process.execPath, [check], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual([]);
  }, 300_000);
});
