import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Cipher, FileVault } from '../../../../main/auth/vault';
import { tempDir } from '../../../fakes/serviceHarness';

/** A keychain stand-in: reversible, and able to refuse as a locked or changed keyring does. */
function keychain(): Cipher & { refuse: boolean } {
  const cipher = {
    refuse: false,
    encrypt: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
    decrypt: (data: Buffer) => {
      if (cipher.refuse)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.toString().slice(4), 'base64').toString();
    },
  };
  return cipher;
}

const tokens = { accessToken: 'xoxp-1', refreshToken: 'r-1' };

describe('the token vault across modes and failures', () => {
  it('the desktop app takes over the sign-ins headless mode kept, encrypted, without a plain copy', () => {
    const dir = tempDir('cadence-vault-');
    new FileVault(dir).set('slack', tokens);
    const desktop = new FileVault(dir, keychain());
    expect(desktop.get('slack')).toEqual(tokens);
    expect(fs.existsSync(path.join(dir, 'tokens.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'tokens.bin'), 'utf8')).not.toContain('xoxp-1');
  });

  it('headless says why it cannot use the desktop app’s sign-ins, and what to do', () => {
    const dir = tempDir('cadence-vault-');
    new FileVault(dir, keychain()).set('slack', tokens);
    const headless = new FileVault(dir);
    expect(headless.get('slack')).toBeNull();
    expect(headless.alert).toMatch(
      /encrypted with your system keychain .*connect the services again here, or start the desktop app/,
    );
  });

  it('never erases sign-ins it cannot decrypt: the next write moves them aside', () => {
    const dir = tempDir('cadence-vault-');
    const cipher = keychain();
    const vault = new FileVault(dir, cipher);
    vault.set('slack', tokens);
    cipher.refuse = true;
    expect(vault.get('slack')).toBeNull();
    expect(vault.problem).toMatch(/cannot read its stored sign-ins .*They are kept/);
    vault.delete('slack');
    expect(fs.existsSync(path.join(dir, 'tokens.bin'))).toBe(true);
    vault.set('google', { accessToken: 'ya29.x' });
    const aside = fs.readdirSync(dir).find((name) => name.startsWith('tokens.bin.unreadable-'));
    expect(aside).toBeDefined();
    cipher.refuse = false;
    expect(vault.get('google')).toEqual({ accessToken: 'ya29.x' });
    expect(new FileVault(dir, cipher).get('google')).toEqual({ accessToken: 'ya29.x' });
  });

  it('says when the keyring is missing and the key is a fixed one', () => {
    const vault = new FileVault(tempDir('cadence-vault-'), { ...keychain(), weak: true });
    expect(vault.alert).toMatch(/fixed key, because no keyring/);
  });
});
