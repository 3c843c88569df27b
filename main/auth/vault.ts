import fs from 'node:fs';
import path from 'node:path';
import type { ProviderId, TokenSet } from '../providers/provider';
import { keepOwnerOnly } from './ownerOnly';

/** Where tokens live. Never in settings, logs or anything the window can read. */
export interface Vault {
  get(id: ProviderId): TokenSet | null;
  set(id: ProviderId, tokens: TokenSet): void;
  delete(id: ProviderId): void;
  /** A warning for the user about how the tokens are kept, if there is one. */
  readonly warning: string | null;
}

export interface Cipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/**
 * Tokens in one file readable by the user alone (0600). In the desktop app a Cipher (Electron's
 * safeStorage, backed by the system keychain) encrypts it; headless, it is plain JSON and says so.
 */
export class FileVault implements Vault {
  readonly warning: string | null;
  /** Set when the file was readable by others and had to be tightened. */
  readonly permissionWarning: string | null;
  private readonly file: string;

  constructor(
    directory: string,
    private readonly cipher: Cipher | null = null,
  ) {
    this.file = path.join(directory, cipher ? 'tokens.bin' : 'tokens.json');
    this.permissionWarning = keepOwnerOnly(this.file);
    this.warning = cipher
      ? null
      : `Integration tokens are stored unencrypted in ${this.file} (readable only by your user). The desktop app encrypts them with your system keychain.`;
  }

  private read(): Partial<Record<ProviderId, TokenSet>> {
    try {
      const raw = fs.readFileSync(this.file);
      return JSON.parse(this.cipher ? this.cipher.decrypt(raw) : raw.toString('utf8')) as Partial<
        Record<ProviderId, TokenSet>
      >;
    } catch {
      return {};
    }
  }

  private write(all: Partial<Record<ProviderId, TokenSet>>): void {
    const text = JSON.stringify(all);
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, this.cipher ? this.cipher.encrypt(text) : text, { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }

  get(id: ProviderId): TokenSet | null {
    return this.read()[id] ?? null;
  }

  set(id: ProviderId, tokens: TokenSet): void {
    this.write({ ...this.read(), [id]: tokens });
  }

  delete(id: ProviderId): void {
    const all = this.read();
    delete all[id];
    this.write(all);
  }
}
