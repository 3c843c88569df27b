import fs from 'node:fs';
import path from 'node:path';
import { printableLines } from '../../shared/printable';
import { boundedLine } from '../../shared/problems';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The most characters one log message keeps. */
export const MAX_LOG_MESSAGE = 4_000;

const TOKEN_LIKE = /\b(xox[a-z]-[\w-]+|ya29\.[\w.-]+|eyJ[\w-]+\.[\w.-]*|Bearer\s+\S+|refresh-[\w-]+)/g;

/**
 * A small rotating log in the data folder: cadence.log, then cadence.1.log … cadence.3.log. Anything
 * shaped like a token is masked before it is written. Messages are in the printable form, and their
 * further lines (a stack) are indented: a message can neither steer the terminal of whoever reads the
 * log nor forge an entry of its own.
 */
export class FileLog implements Log {
  private readonly file: string;

  constructor(
    directory: string,
    private readonly now: () => number,
    private readonly maxBytes = 1024 * 1024,
    private readonly keep = 3,
  ) {
    this.file = path.join(directory, 'cadence.log');
  }

  private write(level: string, message: string): void {
    // Masked first (a cut token is still a secret), made printable (no escape sequence reaches a
    // terminal that shows the log; a message cannot forge an entry), then bounded: one line never
    // outgrows a small share of the file it rotates in.
    const masked = printableLines(message.replace(TOKEN_LIKE, '[redacted]')).replaceAll('\n', '\n  ');
    const bounded = boundedLine(masked, Math.min(MAX_LOG_MESSAGE, Math.floor(this.maxBytes / 4)));
    const line = `${new Date(this.now()).toISOString()} ${level} ${bounded}\n`;
    try {
      if ((fs.statSync(this.file, { throwIfNoEntry: false })?.size ?? 0) + line.length > this.maxBytes)
        this.rotate();
      fs.appendFileSync(this.file, line, { mode: 0o600 });
    } catch {
      // a log that cannot be written must never stop the app
    }
  }

  private rotate(): void {
    for (let index = this.keep - 1; index >= 1; index--) {
      const from = path.join(path.dirname(this.file), `cadence.${index}.log`);
      if (fs.existsSync(from))
        fs.renameSync(from, path.join(path.dirname(this.file), `cadence.${index + 1}.log`));
    }
    fs.renameSync(this.file, path.join(path.dirname(this.file), 'cadence.1.log'));
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }
}
