import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './serviceHarness';

/** A stand-in for the system browser: xdg-open that writes down the address it was given. */
export function recordingBrowser(): {
  env: Record<string, string>;
  opened: () => string;
  /** Where the page the browser was given sends it (`cadence open` hands it a file of the user's own). */
  link: () => string;
} {
  const bin = tempDir('cadence-bin-');
  const file = path.join(bin, 'opened.txt');
  fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${file}'\n`, { mode: 0o755 });
  return {
    env: { PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99', CADENCE_NO_BROWSER: '' },
    opened: () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''),
    link: () => {
      const page = fs.readFileSync(new URL(fs.readFileSync(file, 'utf8')), 'utf8');
      return (/content="0;url=([^"]+)"/.exec(page)?.[1] ?? '').replaceAll('&#38;', '&');
    },
  };
}
