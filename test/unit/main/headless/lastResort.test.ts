import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLog } from '../../../../main/core/fileLog';
import { installLastResort } from '../../../../main/headless/lastResort';
import { tempDir } from '../../../fakes/serviceHarness';

describe('the last resort', () => {
  it('writes an uncaught error to cadence.log with its stack, and restarts the host when errors keep coming', () => {
    const dir = tempDir();
    const processLike = new EventEmitter();
    let now = 0;
    let restarts = 0;
    const handle = installLastResort(
      new FileLog(dir, () => 0),
      () => restarts++,
      processLike,
      () => now,
    );
    processLike.emit('uncaughtException', new TypeError('boom in a request'));
    const log = fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8');
    expect(log).toMatch(/error uncaught exception: TypeError: boom in a request\n\s+at /);
    expect(restarts).toBe(0);
    for (let i = 0; i < 3; i++) processLike.emit('unhandledRejection', new Error('again'));
    now = 120_000;
    processLike.emit('unhandledRejection', new Error('later'));
    expect(restarts).toBe(0);
    for (let i = 0; i < 4; i++) processLike.emit('unhandledRejection', new Error('storm'));
    expect(restarts).toBe(1);
    handle.dispose();
    expect(processLike.listenerCount('uncaughtException')).toBe(0);
  });
});
