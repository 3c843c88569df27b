import type { ProviderId } from '../../shared/integrationView';
import type { ProviderConfig } from './endpoints';
import { GoogleCalendarProvider } from './google/googleCalendarProvider';
import { GraphProvider } from './microsoft/graphProvider';
import type { AccountMemory, Provider, TokenSource } from './provider';
import { SlackProvider, type SlackOptions } from './slack/slackProvider';

/** The real provider for each service; tests and benchmarks may hand the integrations another. */
export function createProvider(
  id: ProviderId,
  config: ProviderConfig,
  tokens: TokenSource,
  memory: AccountMemory,
  slack: SlackOptions = {},
): Provider {
  const { apiUrl, timeoutMs } = config;
  if (id === 'slack') return new SlackProvider(apiUrl, tokens, memory, timeoutMs, slack);
  if (id === 'google') return new GoogleCalendarProvider(apiUrl, tokens, memory, timeoutMs);
  return new GraphProvider(apiUrl, tokens, memory, timeoutMs);
}
