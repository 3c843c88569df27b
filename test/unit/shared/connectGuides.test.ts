import { describe, expect, it } from 'vitest';
import { CONNECT_GUIDES } from '../../../shared/connectGuides';
import type { ProviderId } from '../../../shared/integrationView';

/** A guide as the window shows it: each step's words, links and bold names as plain text, a line each. */
const text = (id: ProviderId): string =>
  CONNECT_GUIDES[id].steps
    .map((step) =>
      step
        .map((part) => (typeof part === 'string' ? part : 'link' in part ? part.link : part.strong))
        .join(''),
    )
    .join('\n');

describe('the sign-in guides say what the services do', () => {
  it('Slack: the manifest lets Cadence set your own status and read teammates’, and nothing else', () => {
    expect(text('slack')).toContain(
      'It lets Cadence set your own status, Do Not Disturb and presence, and read teammates’ time zones, statuses and Do Not Disturb. No messages, no bot.',
    );
    expect(text('slack')).not.toContain('It asks only for your own status');
  });

  it('Microsoft: no "Allow public client flows" step; a browser sign-in back to http://localhost needs none', () => {
    expect(text('microsoft')).toContain('http://localhost');
    expect(text('microsoft')).not.toContain('Allow public client flows');
  });

  it('Google: the client secret is shown only once, so it is copied (or downloaded) at once', () => {
    expect(text('google')).toContain(
      'Copy the Client secret now, or press Download JSON. Google shows it only once; if you closed the dialog, add a new secret to the client.',
    );
  });

  it('Microsoft: organisations that restrict consent (many do) need an administrator once', () => {
    expect(text('microsoft')).toContain(
      'Microsoft lets each person allow these for themselves, unless your organisation restricts what people may allow (many do); then an administrator presses Grant admin consent there once.',
    );
  });

  it('Microsoft: says a directory is needed first, and what to do without one', () => {
    expect(text('microsoft').split('\n')[0]).toContain(
      'An app is registered in a directory: a work or school account has one; with only a personal Microsoft account, create a free Azure account first (Microsoft’s steps). If your organisation does not let you register apps, ask your IT department.',
    );
  });

  it('Google: past the unverified-app warning by Advanced and the "Go to … (unsafe)" link (no app name there)', () => {
    expect(text('google')).toContain('Choose Advanced, then the Go to … (unsafe) link.');
    expect(text('google')).not.toContain('Go to Cadence');
  });

  it('Google: Internal for a Workspace organisation; a test user only while the app stays in Testing', () => {
    const google = text('google');
    expect(google).toContain(
      'Internal if your account belongs to a Google Workspace organisation and only its people will use the app: then there are no test users, no 7-day limit and no verification',
    );
    expect(google).toContain(
      'add your own Google address as a test user, or go straight to Publish app: in Testing, only test users can sign in, and Google ends every sign-in after 7 days. With Internal, skip this step.',
    );
  });
});
