import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';

const run = promisify(execFile);
const work = tempDir('cadence-package-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * electron-builder itself packs the built app with electron-builder.yml, for Linux as a folder ("dir"
 * target): the real file selection, asar and unpacking. Only Electron's binary is a stand-in
 * (electronDist), since it cannot be downloaded here, and so the fuses are left unflipped.
 */
describe('the app as electron-builder packs it', () => {
  it('holds the built app and production modules only, and keeps node-notifier’s helpers outside the archive', async () => {
    const electronDist = path.join(work, 'electron-dist');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const version = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const config = path.join(work, 'electron-builder.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(ROOT, 'electron-builder.yml'),
        electronDist,
        electronVersion: version,
        electronFuses: null,
        npmRebuild: false,
        directories: { output: path.join(work, 'dist'), buildResources: 'main/electron/build' },
      }),
    );
    await run(
      process.execPath,
      [path.join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--config', config],
      {
        cwd: ROOT,
        timeout: 240_000,
        env: { ...process.env, CI: '1' },
      },
    );
    const resources = path.join(work, 'dist', 'linux-unpacked', 'resources');
    const { listPackage } = await import('@electron/asar');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) =>
      file.split(path.sep).join('/'),
    );
    for (const file of [
      '/package.json',
      '/out/tray/focus-24.png',
      '/out/tray/template-working-32.png',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /^\/(main|renderer|shared|test)\//.test(file))).toEqual([]);
    const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
    for (const runtime of ['electron-store', 'electron-updater', 'luxon', 'ws', 'os-lock', 'date-holidays'])
      expect(modules).toContain(runtime);
    // Bundled into the built files, or for development only: not shipped again as modules.
    for (const bundled of [
      'react',
      'react-dom',
      'zustand',
      'uplot',
      'zod',
      'vitest',
      'typescript',
      'electron',
    ])
      expect(modules).not.toContain(bundled);
    const vendor = path.join(resources, 'app.asar.unpacked', 'node_modules', 'node-notifier', 'vendor');
    expect(fs.readdirSync(vendor).length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(resources, 'app-update.yml'), 'utf8')).toMatch(/^provider: generic$/m);
  }, 300_000);
});
