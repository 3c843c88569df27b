import { useRef, useState } from 'react';
import manifestFile from '../../../slack-app-manifest.yml?raw';

/**
 * The manifest as Slack takes it, bundled at build time from slack-app-manifest.yml (the file that sets
 * the redirect ports; a test checks it against main/providers/endpoints.ts): its notes for developers,
 * the comment lines, are left out of what the user sees and copies.
 */
export const SLACK_MANIFEST = `${manifestFile
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join('\n')
  .trim()}\n`;

type Copied = 'copied' | 'selected' | null;

const COPIED_WORDS: Record<NonNullable<Copied>, string> = {
  copied: 'Copied. Now paste it in Slack.',
  selected: 'This browser does not let Cadence copy: the manifest is selected, press Ctrl+C (⌘C on a Mac).',
};

/** Cadence's Slack manifest, readable in the window, with a Copy button that says it copied. */
export function SlackManifest() {
  const [copied, setCopied] = useState<Copied>(null);
  const text = useRef<HTMLPreElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(SLACK_MANIFEST);
      setCopied('copied');
    } catch {
      // No clipboard here (an address that is not a secure context, or a refused permission): the text
      // is selected for the user's own copy.
      if (text.current) window.getSelection()?.selectAllChildren(text.current);
      setCopied('selected');
    }
  };
  return (
    <div className="slack-manifest">
      <div className="button-row">
        <button type="button" onClick={() => void copy()}>
          Copy the manifest
        </button>
        <span role="status" className="copied">
          {copied ? COPIED_WORDS[copied] : ''}
        </span>
      </div>
      <pre ref={text} tabIndex={0} aria-label="Cadence’s Slack app manifest">
        {SLACK_MANIFEST}
      </pre>
    </div>
  );
}
