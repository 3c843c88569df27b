/** What the desktop app was started with: `--data-dir DIR` (as headless takes it) and `--hidden` (at login). */
export interface LaunchOptions {
  dataDir: string | null;
  hidden: boolean;
}

/**
 * Reads the app's own flags from its command line. Electron passes the app folder first when started
 * as `electron <folder> …` (npm start) and only the flags when packaged; Chromium's own switches are
 * left alone.
 */
export function launchOptions(argv: readonly string[]): LaunchOptions {
  let dataDir: string | null = null;
  let hidden = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--hidden') hidden = true;
    else if (arg === '--data-dir' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) dataDir = argv[++i]!;
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length) || null;
  }
  return { dataDir, hidden };
}
