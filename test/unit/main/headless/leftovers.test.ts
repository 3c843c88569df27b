import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../../main/base/atomicFile';
import { isCadenceTemporary, removeLeftoverTemporaries } from '../../../../main/headless/leftovers';
import { tempDir } from '../../../fakes/serviceHarness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('temporary files left by a Cadence killed mid-write', () => {
  it('recognises the names Cadence’s writers give, and no other program’s', () => {
    for (const name of [
      'intents.json.tmp-1733489123a1b2c3',
      'settings.json.tmp-0000000000ffffff',
      'integrations.json.tmp-1733489123000000',
      'tokens.json.4711.tmp',
      'tokens.bin.12.tmp',
      'service.json.99999.tmp',
    ])
      expect(isCadenceTemporary(name), name).toBe(true);
    for (const name of [
      'intents.json',
      'intents.json.tmp-backup',
      'intents.json.tmp-1733489123A1B2C3',
      'intents.json.tmp-1733489123a1b2c3.keep',
      'notes.json.tmp-1733489123a1b2c3',
      'my-intents.json.tmp-1733489123a1b2c3',
      'tokens.json.tmp',
      'tokens.json.abc.tmp',
      'editor.json.4711.tmp',
      'intents.json.unreadable-1733489123456',
    ])
      expect(isCadenceTemporary(name), name).toBe(false);
  });

  it('removes only Cadence’s regular temporary files in the folder itself', () => {
    const dir = tempDir('cadence-leftovers-');
    dirs.push(dir);
    const write = (name: string) => fs.writeFileSync(path.join(dir, name), '{"full":"copy"}');
    write('intents.json.tmp-1733489123a1b2c3');
    write('tokens.json.4711.tmp');
    write('notes.json.tmp-1733489123a1b2c3');
    write('intents.json');
    fs.mkdirSync(path.join(dir, 'settings.json.tmp-1733489123a1b2c3'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'nested', 'intents.json.tmp-1733489123a1b2c3'), '');
    expect(removeLeftoverTemporaries(dir).sort()).toEqual([
      'intents.json.tmp-1733489123a1b2c3',
      'tokens.json.4711.tmp',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'intents.json',
      'nested',
      'notes.json.tmp-1733489123a1b2c3',
      'settings.json.tmp-1733489123a1b2c3',
    ]);
    expect(fs.readdirSync(path.join(dir, 'nested'))).toEqual(['intents.json.tmp-1733489123a1b2c3']);
  });

  it('knows the name writeFileAtomically gives its temporary file', async () => {
    const dir = tempDir('cadence-leftovers-');
    dirs.push(dir);
    const names: string[] = [];
    const watcher = fs.watch(dir, (_event, name) => name && names.push(name));
    writeFileAtomically(path.join(dir, 'intents.json'), '{}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    watcher.close();
    const temporary = names.filter((name) => name !== 'intents.json');
    expect(temporary.length).toBeGreaterThan(0);
    for (const name of temporary) expect(isCadenceTemporary(name), name).toBe(true);
  });
});
