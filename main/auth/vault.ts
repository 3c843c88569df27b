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
  /** Why the stored sign-ins cannot be read right now, if they cannot. */
  readonly problem?: string | null;
}

export interface Cipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
  /**
   * The cipher has no secret of its own: on Linux without a keyring, Electron's safeStorage falls back
   * to its "basic_text" backend, a key written in Chromium's source
   * (safeStorage.getSelectedStorageBackend(), https://www.electronjs.org/docs/latest/api/safe-storage).
   */
  weak?: boolean;
}

type Tokens = Partial<Record<ProviderId, TokenSet>>;

const ENCRYPTED = 'tokens.bin';
const PLAIN = 'tokens.json';

/**
 * Tokens in one file readable by the user alone (0600). In the desktop app a Cipher (Electron's
 * safeStorage, backed by the system keychain) encrypts it as tokens.bin; headless, it is plain JSON in
 * tokens.json and says so.
 * - Switching modes: the desktop app takes over tokens.json (encrypts it, then removes the plain copy);
 *   headless cannot read tokens.bin and says how to carry on.
 * - A file that cannot be read (the keychain refused, the keyring changed, a damaged file) is never
 *   overwritten: the next write first moves it aside as tokens.bin.unreadable-<time>, and the problem is
 *   said until then.
 */
export class FileVault implements Vault {
  readonly warning: string | null;
  /** Set when the file was readable by others and had to be tightened. */
  readonly permissionWarning: string | null;
  private readonly file: string;
  private unreadable: string | null = null;

  constructor(
    private readonly directory: string,
    private readonly cipher: Cipher | null = null,
  ) {
    this.file = path.join(directory, cipher ? ENCRYPTED : PLAIN);
    this.permissionWarning = keepOwnerOnly(this.file);
    if (cipher) this.adoptPlainTokens();
    const otherMode =
      !cipher && !fs.existsSync(this.file) && fs.existsSync(path.join(directory, ENCRYPTED))
        ? `Sign-ins made in the desktop app are encrypted with your system keychain (${path.join(directory, ENCRYPTED)}) and cannot be read without it: connect the services again here, or start the desktop app.`
        : null;
    this.alert = cipher?.weak
      ? 'Integration tokens are encrypted with a fixed key, because no keyring (GNOME Keyring, KWallet) is available: anyone who can read your files can read them. Install or unlock a keyring to protect them.'
      : otherMode;
    this.warning =
      this.alert ??
      (cipher
        ? null
        : `Integration tokens are stored unencrypted in ${this.file} (readable only by your user). The desktop app encrypts them with your system keychain.`);
  }

  /** What the user should know now about the stored sign-ins (a weak key, sign-ins of the other mode). */
  readonly alert: string | null;

  /** What stops the vault from reading its file, if anything. */
  get problem(): string | null {
    return this.unreadable;
  }

  private adoptPlainTokens(): void {
    const plain = path.join(this.directory, PLAIN);
    if (fs.existsSync(this.file) || !fs.existsSync(plain)) return;
    try {
      const tokens = JSON.parse(fs.readFileSync(plain, 'utf8')) as Tokens;
      this.write(tokens);
      fs.rmSync(plain);
    } catch {
      // left as it is: headless still reads it, and the next sign-in here writes tokens.bin
    }
  }

  private read(): Tokens {
    let raw: Buffer;
    try {
      raw = fs.readFileSync(this.file);
    } catch {
      return {};
    }
    try {
      const tokens = JSON.parse(this.cipher ? this.cipher.decrypt(raw) : raw.toString('utf8')) as Tokens;
      this.unreadable = null;
      return tokens;
    } catch (error) {
      this.unreadable = `Cadence cannot read its stored sign-ins (${this.file}: ${(error as Error).message || 'not readable'}). They are kept; connecting a service again stores a new sign-in beside them.`;
      return {};
    }
  }

  private write(all: Tokens): void {
    if (this.unreadable !== null && fs.existsSync(this.file)) {
      fs.renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      this.unreadable = null;
    }
    const text = JSON.stringify(all);
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.mkdirSync(this.directory, { recursive: true, mode: 0o700 });
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
    if (this.unreadable !== null) return;
    delete all[id];
    this.write(all);
  }
}
