import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeNotifier } from '../../../../main/core/desktopNotifier';
import { notifySendArguments } from '../../../../main/core/notifySend';
import { fakeNotifySend, type FakeNotifySend } from '../../../fakes/fakeNotifySend';

/** What notify-send would obey rather than show: a control or bidi character. */
const OBEYED = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe('notifications through notify-send', () => {
  let fake: FakeNotifySend;
  let path: string | undefined;
  beforeEach(() => {
    fake = fakeNotifySend();
    // Also on this process's PATH, for whatever looks there rather than in the environment it is given.
    path = process.env.PATH;
    process.env.PATH = fake.env().PATH;
  });
  afterEach(() => {
    process.env.PATH = path;
  });

  it('passes titles that look like options after "--", so notify-send shows them as text', async () => {
    const notifier = new NodeNotifier('linux', fake.env());
    for (const title of ['--urgency=critical', '--wait', '--action=open=Open', '-w', '-?'])
      expect(await notifier.notify({ title, message: 'Build green' })).toEqual({ delivered: true });
    expect(fake.calls()).toEqual(
      ['--urgency=critical', '--wait', '--action=open=Open', '-w', '-?'].map((title) => [
        '--app-name=Cadence',
        '--',
        title,
        'Build green',
      ]),
    );
  });

  it('always gives notify-send a body, and printable text in place of escape sequences', async () => {
    const notifier = new NodeNotifier('linux', fake.env());
    await notifier.notify({ title: 'Deploy done', message: '' });
    await notifier.notify({ title: '  ', message: ' ' });
    await notifier.notify({
      title: 'Prod \u001b]0;x\u0007down\nnow',
      message: 'line one\nline \u001b[8mtwo',
    });
    expect(fake.calls()).toEqual([
      ['--app-name=Cadence', '--', 'Deploy done', 'From Cadence'],
      ['--app-name=Cadence', '--', 'Cadence', 'A message from Cadence'],
      ['--app-name=Cadence', '--', 'Prod \\u001b]0;x\\u0007down\\nnow', 'line one\nline \\u001b[8mtwo'],
    ]);
  });

  it('reports a notification delivered only when notify-send succeeded, and says why not in words', async () => {
    const refused = new NodeNotifier(
      'linux',
      fake.env({
        FAKE_NOTIFY_EXIT: '1',
        FAKE_NOTIFY_STDERR:
          'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files',
      }),
    );
    const outcome = await refused.notify({ title: 'Lunch', message: 'Time for lunch' });
    expect(outcome).toEqual({
      delivered: false,
      reason: expect.stringMatching(/^no notification service answers in this session; notify-send said: /),
    });
    const missing = new NodeNotifier('linux', { PATH: '/nonexistent' });
    expect(await missing.notify({ title: 'Lunch', message: 'Time for lunch' })).toEqual({
      delivered: false,
      reason: 'notify-send is not installed; on Debian or Ubuntu run "sudo apt install libnotify-bin"',
    });
  });

  it('gives notify-send exactly a summary and a body after "--", printable and never empty, whatever the text', async () => {
    const notifier = new NodeNotifier('linux', fake.env());
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('--wait', '-A', '--action=x', '--', '-', '\u0000', '\u001b]0;t\u0007', ' \n '),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(text, text, async (title, message) => {
        const argv = notifySendArguments({ title, message });
        expect(argv.slice(0, 2)).toEqual(['--app-name=Cadence', '--']);
        expect(argv).toHaveLength(4);
        for (const positional of argv.slice(2)) {
          expect(positional.trim()).not.toBe('');
          expect(positional.replaceAll('\n', '')).not.toMatch(OBEYED);
        }
        expect(argv[2]).not.toContain('\n');
        // Each one really reaches the program, NUL bytes and all turned into text: none is refused.
        expect(await notifier.notify({ title, message })).toEqual({ delivered: true });
        sent++;
        expect(fake.calls().at(-1)).toEqual(argv);
      }),
      { numRuns: 30 },
    );
    expect(fake.calls()).toHaveLength(sent);
  });
});
