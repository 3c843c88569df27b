import type { IntegrationCommand } from '../../shared/commands/command';
import {
  type ApiResult,
  commandInputSchemas,
  type CommandResult,
  issuesOf,
  refusal,
} from '../../shared/contract';
import type { IntegrationsPort } from './servicePorts';

/**
 * A sign-in command (configure, connect, disconnect) from a transport, untrusted: its input is checked
 * against the contract before the connected services see it. Connecting answers once the sign-in began.
 */
export async function runIntegrationCommand(
  integrations: IntegrationsPort | null,
  name: IntegrationCommand,
  input: unknown,
): Promise<ApiResult<CommandResult<IntegrationCommand>>> {
  const data = input === undefined ? {} : input;
  if (name === 'integration.configure') {
    const parsed = commandInputSchemas[name].safeParse(data);
    if (!parsed.success)
      return refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
    if (!integrations) return notAvailable();
    const { provider, clientId, clientSecret } = parsed.data;
    return integrations.configure(provider, { clientId, ...(clientSecret ? { clientSecret } : {}) });
  }
  const parsed = commandInputSchemas[name].safeParse(data);
  if (!parsed.success)
    return refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
  if (!integrations) return notAvailable();
  const provider = parsed.data.provider;
  if (name === 'integration.unconfigure') return integrations.unconfigure(provider);
  if (name === 'integration.connect') {
    const purpose = (parsed.data as { for?: 'messages' | 'permission' }).for;
    return purpose ? integrations.connect(provider, purpose) : integrations.connect(provider);
  }
  return integrations.disconnect(provider);
}

const notAvailable = () => refusal('not_available', 'Integrations are not available in this build.');
