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
