import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLog, MAX_LOG_MESSAGE } from '../../../../main/core/fileLog';
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

  it('bounds one line, so a huge message never outgrows the file it rotates in', () => {
    const dir = tempDir();
    const maxBytes = 1024 * 1024;
    const log = new FileLog(dir, () => Date.parse('2026-11-25T10:00:00Z'), maxBytes, 3);
    const huge = `Part of your intents could not be used (${'teammates[1]: not a known IANA time zone; '.repeat(30_000)})`;
    log.warn(huge);
    log.info(`after ${'x'.repeat(10)} Bearer ${'t'.repeat(10_000)}`);
    const text = fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThanOrEqual(MAX_LOG_MESSAGE + 40);
    expect(lines[0]).toMatch(/^2026-11-25T10:00:00\.000Z warn Part of your intents .* more characters\)$/);
    expect(lines[1]).toBe('2026-11-25T10:00:00.000Z info after xxxxxxxxxx [redacted]');
  });
});

describe('what the log writes', () => {
  it('writes messages in the printable form, further lines indented: no escape sequence, no forged entry', () => {
    const dir = tempDir();
    const log = new FileLog(dir, () => Date.parse('2026-11-25T10:00:00Z'));
    log.warn(
      'Slack said \u001b]0;pwned\u0007\u001b[2J\u009b8m\n2026-11-25T10:00:00.000Z info all is well\u202e',
    );
    const written = fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8');
    expect(written).toBe(
      '2026-11-25T10:00:00.000Z warn Slack said \\u001b]0;pwned\\u0007\\u001b[2J\\u009b8m\n  2026-11-25T10:00:00.000Z info all is well\\u202e\n',
    );
  });
});
