import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fakes/processHarness';
import { PACKAGING_NODE, packagingRefusal } from '../../main/bin/packagingNode.js';

const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
};

describe('what the installers need, checked without building them', () => {
  it('gives the deb its homepage and a maintainer with an email', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    expect(builder).toMatch(/^\s+maintainer: .+<[^>]+@[^>]+>$/m);
  });

  it('tells the installed app where to look for updates', () => {
    expect(builder).toMatch(/^publish:\n\s+provider: (generic|github)\n/m);
  });

  it('signs the macOS app ad hoc again after flipping its fuses', () => {
    expect(builder).toMatch(/^electronFuses:\n(?:\s+#.*\n)*\s+resetAdHocDarwinSignature: true$/m);
  });

  it('uses the installer’s app id as the Windows AppUserModelId, without which Windows shows no notifications', () => {
    const appId = /^appId: (.+)$/m.exec(builder)?.[1];
    // The built main process (npm test builds first), as the installer packs it.
    const main = fs.readFileSync(path.join(ROOT, 'out/main/index.js'), 'utf8');
    expect(main).toContain(`APP_USER_MODEL_ID = "${appId}"`);
    expect(main).toMatch(/app\.setAppUserModelId\(APP_USER_MODEL_ID\)/);
  });
});

describe('which Node.js the README promises', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/[ \n]+/g, ' ');
  const engines = (pkg as { engines?: { node?: string } }).engines?.node;
  /** The oldest [major, minor] an engines range such as ">=22.12.0" or "^20.19.0 || >=22.12.0" allows. */
  const oldest = (range: string): [number, number] =>
    range
      .split('||')
      .map((part) => /(\d+)\.(\d+)/.exec(part)!)
      .map((m): [number, number] => [Number(m[1]), Number(m[2])])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])[0]!;
  const installedEngines = (name: string): string => {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { engines: { node: string } }).engines.node;
  };

  it('states the Node.js version of package.json for running and testing', () => {
    const [major, minor] = oldest(engines!);
    expect(readme.split(' ## ')[0]).toContain(`Node.js ${major}.${minor} or newer`);
  });

  it('states, and `npm run dist` checks, the newer Node.js that the installed packaging tools declare', () => {
    // The packages behind `npm install`'s EBADENGINE warnings on Node 20: what they declare is what packaging needs.
    for (const name of ['@electron/rebuild', 'node-abi'])
      expect(oldest(installedEngines(name))).toEqual([...PACKAGING_NODE]);
    expect(readme.split(' ## ')[0]).toContain(`Node.js ${PACKAGING_NODE.join('.')} or newer`);
    expect(packagingRefusal('v20.20.2')).toMatch(
      /needs Node\.js 22\.12 or newer; this is Node\.js 20\.20\.2/,
    );
    expect(packagingRefusal('v22.12.0')).toBeNull();
    expect(packagingRefusal('v24.1.0')).toBeNull();
    expect((pkg as { scripts: { dist: string } }).scripts.dist).toMatch(
      /^node main\/bin\/packagingNode\.js && /,
    );
  });
});

describe('the built CLI, as `cadence status` loads it', () => {
  /** The built files a module loads before it runs: its static imports, followed through the chunks. */
  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const match of code.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"/gm)) {
      const next = path.resolve(path.dirname(file), match[1]!);
      if (!seen.has(next)) staticClosure(next, seen);
    }
    return seen;
  };

  it('loads no date library and no validator before its verb asks for one', () => {
    const loaded = [...staticClosure(path.join(ROOT, 'out/main/cli.js'))];
    const code = loaded.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect(code).not.toContain('Invalid DateTime'); // luxon
    expect(code).not.toContain('_zod'); // zod
    expect(code.length).toBeLessThan(120_000);
  });
});

describe('the quick `cadence status` bundle', () => {
  const file = path.join(ROOT, 'out/main/quickStatus.cjs');

  it('is one small CommonJS file that needs only Node built-ins (no ES module loader, no date library)', () => {
    const code = fs.readFileSync(file, 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.every((name) => name!.startsWith('node:'))).toBe(true);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toContain('Intl.');
    expect(code).not.toContain('Invalid DateTime');
    expect(code.length).toBeLessThan(16_000);
  });

  it('is what the `cadence` launcher requires, as CommonJS', () => {
    const launcher = fs.readFileSync(path.join(ROOT, 'main/bin/cadence.cjs'), 'utf8');
    expect(launcher).toContain("'quickStatus.cjs'");
    expect(launcher).not.toMatch(/^\s*import\s/m);
    expect((pkg as { bin: Record<string, string> }).bin.cadence).toBe('main/bin/cadence.cjs');
  });
});

describe('the built preload, as a sandboxed renderer loads it', () => {
  /**
   * "A require function similar to Node's require module is exposed, but can only import a subset of
   * Electron and Node's built-in modules: electron (following renderer process modules: contextBridge,
   * crashReporter, ipcRenderer, nativeImage, webFrame, webUtils), events, timers, url"
   * (Process sandboxing, preload scripts: https://www.electronjs.org/docs/latest/tutorial/sandbox).
   */
  const ALLOWED = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);
  const RENDERER_MODULES = new Set([
    'contextBridge',
    'crashReporter',
    'ipcRenderer',
    'nativeImage',
    'webFrame',
    'webUtils',
  ]);
  const preload = fs.readFileSync(path.join(ROOT, 'out/preload/index.cjs'), 'utf8');

  it('is CommonJS: no import or export statements', () => {
    expect(preload).not.toMatch(/^\s*(import\s.+from\s|import\s*\(|export\s)/m);
  });

  it('requires only what a sandboxed preload may require, and only renderer modules of electron', () => {
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(ALLOWED, `require("${name}")`).toContain(name);
    const used = [...preload.matchAll(/\belectron\.(\w+)/g)].map((m) => m[1]!);
    for (const name of used) expect(RENDERER_MODULES, `electron.${name}`).toContain(name);
  });
});
