import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLog } from '../../../../main/core/fileLog';
import { tempDir } from '../../../fakes/serviceHarness';

describe('the log file', () => {
  it('rotates by size, keeps three old files, and masks anything shaped like a token', () => {
    const dir = tempDir();
    const log = new FileLog(dir, () => Date.parse('2026-11-25T10:00:00Z'), 200, 3);
    for (let i = 0; i < 30; i++) log.info(`line ${i} with Bearer xoxp-123-secret and ya29.abc`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['cadence.1.log', 'cadence.2.log', 'cadence.3.log', 'cadence.log']);
    const all = files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')).join('');
    expect(all).toContain('2026-11-25T10:00:00.000Z info line 29 with [redacted] and [redacted]');
    expect(all).not.toMatch(/xoxp|ya29/);
    expect(fs.statSync(path.join(dir, 'cadence.log')).size).toBeLessThanOrEqual(200);
  });
});
