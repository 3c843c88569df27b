import fs from 'node:fs';
import path from 'node:path';
import { printableLines } from '../../shared/printable';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

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
    const line = `${new Date(this.now()).toISOString()} ${level} ${printableLines(message.replace(TOKEN_LIKE, '[redacted]')).replaceAll('\n', '\n  ')}\n`;
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
