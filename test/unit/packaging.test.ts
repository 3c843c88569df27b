import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fakes/processHarness';

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
