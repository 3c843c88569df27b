import type { AccountFacts, ProviderId } from '../../shared/integrationView';
import type { Vault } from '../auth/vault';
import type { AccountMemory } from '../providers/provider';

/**
 * What each provider learned of its account (kind, address, refused event types, the status Cadence set),
 * kept with the service's tokens. Read once from the vault (a file, decrypted in the desktop app) and then
 * from memory: views and providers read it on every push.
 */
export class AccountBook {
  private readonly facts = new Map<ProviderId, AccountFacts>();

  constructor(
    private readonly vault: Vault,
    private readonly onChange: () => void,
  ) {}

  read(id: ProviderId): AccountFacts {
    let facts = this.facts.get(id);
    if (!facts) this.facts.set(id, (facts = this.vault.get(id)?.account ?? {}));
    return facts;
  }

  /** The provider's view: what it remembers is written beside the tokens as they are at that moment. */
  memory(id: ProviderId): AccountMemory {
    return {
      read: () => this.read(id),
      remember: (learned) => {
        const tokens = this.vault.get(id);
        if (!tokens) return;
        const account = { ...this.read(id), ...learned };
        if (JSON.stringify(account) === JSON.stringify(this.read(id))) return;
        this.vault.set(id, { ...tokens, account });
        this.facts.set(id, account);
        this.onChange();
      },
    };
  }

  /** A new sign-in or a disconnect: what was learned of the old account no longer holds. */
  forget(id: ProviderId): void {
    this.facts.delete(id);
  }
}
