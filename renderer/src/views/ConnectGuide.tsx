import { CONNECT_GUIDES, type GuidePart } from '../../../shared/connectGuides';
import { type ProviderId, PROVIDER_NAMES } from '../../../shared/integrationView';
import { SlackManifest } from './SlackManifest';
import './connectGuides.css';

/** A link opens in the user's browser: the Electron shell sends new windows there (main/electron/security.ts). */
function Part({ part }: { part: GuidePart }) {
  if (typeof part === 'string') return <>{part}</>;
  if ('href' in part)
    return (
      <a href={part.href} target="_blank" rel="noopener noreferrer">
        {part.link}
      </a>
    );
  return <strong>{part.strong}</strong>;
}

/** How to make the app a service signs Cadence in as, step by step, with links to the consoles. */
export function ConnectGuide({ id, open }: { id: ProviderId; open: boolean }) {
  const guide = CONNECT_GUIDES[id];
  return (
    <details className="connect-guide" open={open}>
      <summary>How to make your {PROVIDER_NAMES[id]} app, step by step</summary>
      <ol>
        {guide.steps.map((step, index) => (
          <li key={index}>
            {step.map((part, at) => (
              <Part key={at} part={part} />
            ))}
            {guide.manifestInStep === index ? <SlackManifest /> : null}
          </li>
        ))}
      </ol>
      <p className="muted">
        More help: <Part part={guide.more} />
      </p>
    </details>
  );
}
