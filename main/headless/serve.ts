import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printable, printableLines } from '../../shared/printable';
import { FileLog } from '../core/fileLog';
import { installLastResort } from './lastResort';
import { AlreadyRunningError, type CadenceHost, startHost } from './startHeadless';

/** The usual address of the headless window: http://127.0.0.1:47110 (another port if it is taken). */
const DEFAULT_PORT = Number(process.env.CADENCE_PORT ?? 47110);

function builtRendererDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.join(here, '../renderer'),
    path.join(here, '../../renderer'),
    path.join(here, '../../../out/renderer'),
  ]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** `cadence serve`: runs the core headless until interrupted, with the window served on a local address. */
export async function serve(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<number> {
  const rendererDir = builtRendererDir();
  const origins = process.env.CADENCE_DEV_ORIGIN ? [process.env.CADENCE_DEV_ORIGIN] : [];
  const start = () =>
    startHost({
      dataDir: options.dataDir,
      ...(options.port !== undefined ? { port: options.port } : { preferredPort: DEFAULT_PORT }),
      rendererDir,
      allowedOrigins: origins,
    });
  let host: CadenceHost;
  try {
    host = await start();
  } catch (error) {
    console.error(
      error instanceof AlreadyRunningError
        ? printableLines(error.message)
        : printable(`Cadence could not start: ${(error as Error).message}`),
    );
    return 1;
  }
  const log = new FileLog(options.dataDir, () => Date.now());
  let restarting = false;
  const lastResort = installLastResort(log, () => {
    if (restarting) return;
    restarting = true;
    host.dispose();
    start().then(
      (fresh) => {
        host = fresh;
        restarting = false;
        log.info('service restarted');
      },
      (error: unknown) => {
        log.error(`could not restart: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
  const problems = host.service.problems();
  console.log(`Cadence is running headless (data in ${options.dataDir}).`);
  console.log(
    rendererDir
      ? `Open the Cadence window at: ${host.windowUrl}`
      : 'The window is not built; run "npm run build" to serve it.',
  );
  if (rendererDir)
    console.log(
      'Keep this address (bookmark it): it holds your key to the window. "cadence open" opens the window again,\nand "cadence status" shows the address (from the Cadence folder: npx cadence open).',
    );
  console.log('Cadence runs until you stop it: press Ctrl+C here.');
  for (const problem of problems) console.log(`! ${printable(problem)}`);
  console.log('ready');
  // Ctrl+C may come twice at once (from the terminal, and passed on by a launcher that waits for this process):
  // the first starts the shutdown, a repeat does not cut it short.
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  lastResort.dispose();
  host.dispose();
  return 0;
}
