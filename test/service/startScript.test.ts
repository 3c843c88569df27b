import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, stopAllServices } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

/** A stand-in for Electron's binary: a program that ends as the real one does when it cannot start. */
function desktopThat(ends: 'abort' | 'fails'): string {
  const file = path.join(tempDir('cadence-electron-'), 'electron');
  fs.writeFileSync(file, ends === 'abort' ? '#!/bin/sh\nkill -ABRT $$\n' : '#!/bin/sh\nexit 133\n', {
    mode: 0o755,
  });
  return file;
}

describe('npm start when the desktop app cannot start', () => {
  it('falls back to headless when the app dies by a signal at start (the AppImage sandbox on Ubuntu 24.04)', async () => {
    const service = await serve(tempDir(), {
      viaStart: true,
      env: { CADENCE_ELECTRON_BINARY: desktopThat('abort'), DISPLAY: ':99' },
    });
    const output = service.output.join('');
    expect(output).toContain('Starting the Cadence desktop app.');
    expect(output).toContain(
      'Running Cadence headless, because the desktop app stopped as it started (signal SIGABRT)',
    );
    expect((await fetch(`${service.url}/health`)).ok).toBe(true);
  });

  it('falls back the same when it ends at once with an error code', async () => {
    const service = await serve(tempDir(), {
      viaStart: true,
      env: { CADENCE_ELECTRON_BINARY: desktopThat('fails'), DISPLAY: ':99' },
    });
    expect(service.output.join('')).toContain('stopped as it started (exit code 133)');
  });
});

describe('npm start tells the way back into the window', () => {
  it('says on first run to keep the address, how to open the window again, and that Ctrl+C stops Cadence', async () => {
    const service = await serve(tempDir(), { viaStart: true, env: { CADENCE_HEADLESS: '1' } });
    const output = service.output.join('');
    expect(output).toContain(`Open the Cadence window at: ${service.windowUrl}`);
    expect(output).toContain('Keep this address (bookmark it)');
    expect(output).toContain('"cadence open" opens the window again');
    expect(output).toContain('press Ctrl+C here');
  });

  it('a second npm start on the same folder prints the full address and names cadence open', async () => {
    const dir = tempDir();
    const first = await serve(dir, { viaStart: true, env: { CADENCE_HEADLESS: '1' } });
    const second = serve(dir, { viaStart: true, env: { CADENCE_HEADLESS: '1' } });
    await expect(second).rejects.toThrow(`Its window: ${first.windowUrl}`);
    await expect(second).rejects.toThrow('(or run "cadence open" to open it in your browser)');
  });
});
