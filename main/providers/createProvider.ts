import type { ProviderId } from '../../shared/integrationView';
import type { ProviderConfig } from './endpoints';
import { GoogleCalendarProvider } from './google/googleCalendarProvider';
import { GraphProvider } from './microsoft/graphProvider';
import type { Provider, TokenSource } from './provider';
import { SlackProvider } from './slack/slackProvider';

/** The real provider for each service; tests and benchmarks may hand the integrations another. */
export function createProvider(id: ProviderId, config: ProviderConfig, tokens: TokenSource): Provider {
  const { apiUrl, timeoutMs } = config;
  if (id === 'slack') return new SlackProvider(apiUrl, tokens, timeoutMs);
  if (id === 'google') return new GoogleCalendarProvider(apiUrl, tokens, timeoutMs);
  return new GraphProvider(apiUrl, tokens, timeoutMs);
}
