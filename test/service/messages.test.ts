import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { cli } from '../fakes/processHarness';
import { browseSignIn } from '../fakes/signInBrowser';
import { at } from '../unit/shared/domainFixtures';

/** Issue #25: a Slack message to a teammate waits for their working hours, unless marked urgent. */
const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

/** Signed in to Slack as Cadence signs in for status alone, with Ana (Lisbon) and Kai (Tokyo) in the workspace. */
async function slackWorld(local: string): Promise<IntegrationWorld> {
  world = await integrationWorld(at(local, ZONE), ZONE, { clock: '24h' });
  world.slack.members = [
    { id: 'UANA', name: 'ana', real_name: 'Ana', tz: 'Europe/Lisbon' },
    { id: 'UKAI', name: 'kai', real_name: 'Kai', tz: 'Asia/Tokyo' },
    { id: 'UOLD', name: 'old', real_name: 'Old Account', tz: 'UTC', deleted: true },
  ];
  await world.connect('slack');
  return world;
}

type Sent = {
  ok: boolean;
  value?: { deliverAt: string | null; words: string; scheduledId: string | null; urgent: boolean };
  message?: string;
  error?: string;
};
const send = async (w: IntegrationWorld, input: Record<string, unknown>) =>
  (await w.run('message.send', input)) as Sent;
const epoch = (local: string, zone: string) => Math.floor(at(local, zone) / 1000);

describe('a message that waits for its reader', () => {
  it('asks for the permission to post only when first used, once, and schedules across their weekend', async () => {
    const w = await slackWorld('2026-12-04T19:30'); // Friday evening in Berlin, 18:30 in Lisbon
    // Signed in for status alone: nothing to post with, and nothing was asked.
    expect(w.slack.granted).not.toContain('chat:write');
    const refused = await send(w, { to: 'Ana', text: 'The draft is in the folder.' });
    expect(refused).toMatchObject({ ok: false, error: 'permission_needed' });
    expect(refused.message).toContain('chat:write, im:write');
    expect(w.slack.messages).toEqual([]);
    expect(w.slack.methodCalls()).not.toContain('conversations.open');

    await w.connect('slack', 'messages');
    expect(w.slack.granted).toEqual(expect.arrayContaining(['chat:write', 'im:write']));
    const sent = await send(w, { to: 'Ana', text: 'The draft is in the folder.' });
    expect(sent.ok).toBe(true);
    // Her Monday 09:00 in Lisbon, 10:00 in Berlin: not her Saturday, not her Sunday.
    expect(w.slack.messages).toEqual([
      {
        channel: 'DUANA',
        user: 'UANA',
        text: 'The draft is in the folder.',
        postAt: epoch('2026-12-07T09:00', 'Europe/Lisbon'),
        scheduledId: 'Q1',
      },
    ]);
    expect(sent.value).toMatchObject({
      deliverAt: '2026-12-07T10:00:00.000+01:00',
      scheduledId: 'DUANA/Q1',
      words: "Arrives on Monday at 09:00, Ana's time (10:00 for you).",
    });

    // Signing in again later (a reconnect) asks for them again, so Cadence's record of the grant keeps
    // them (Slack keeps them anyway: its scopes are additive), and sending goes on working.
    await w.connect('slack');
    const asked = w.slack.server.calls.filter((c) => c.path === '/oauth/v2/authorize').at(-1)!.query;
    expect(asked.get('user_scope')?.split(',')).toEqual(expect.arrayContaining(['chat:write', 'im:write']));
    expect((await send(w, { to: 'ana', text: 'One more thing: <b> & co.' })).ok).toBe(true);
    // What was typed is shown as typed: "&", "<" and ">" escaped as Slack's formatting page asks.
    expect(w.slack.messages.at(-1)?.text).toBe('One more thing: &lt;b&gt; &amp; co.');
  });

  it('sends at once while they are working, and at once when marked urgent by the team rule', async () => {
    const w = await slackWorld('2026-12-07T11:00'); // Monday: 10:00 in Lisbon, 19:00 in Tokyo
    await w.connect('slack', 'messages');
    const now = await send(w, { to: 'Ana', text: 'Lunch at one?' });
    expect(now.value).toMatchObject({
      deliverAt: null,
      scheduledId: null,
      words: 'Sent to Ana now: it is within their working hours.',
    });
    const urgent = await send(w, { to: 'Kai', text: 'The release is broken.', urgent: true });
    expect(urgent.value).toMatchObject({
      deliverAt: null,
      urgent: true,
      words: 'Sent to Kai now, marked urgent (!urgent).',
    });
    expect(w.slack.messages.map((m) => [m.user, m.text, m.scheduledId])).toEqual([
      ['UANA', 'Lunch at one?', null],
      ['UKAI', '!urgent The release is broken.', null],
    ]);
    // Without the mark it would have waited for Kai's Tuesday 09:00 in Tokyo.
    const waits = await send(w, { to: 'Kai', text: 'Notes for tomorrow.' });
    expect(w.slack.messages.at(-1)?.postAt).toBe(epoch('2026-12-08T09:00', 'Asia/Tokyo'));
    expect(waits.value?.words).toBe("Arrives tomorrow at 09:00, Kai's time (01:00 for you).");
  });

  it('says plainly who cannot be reached, and what Slack refused, and sends nothing then', async () => {
    const w = await slackWorld('2026-12-07T11:00');
    await w.connect('slack', 'messages');
    expect(await send(w, { to: 'Nobody', text: 'hi' })).toMatchObject({
      ok: false,
      error: 'not_found',
      message: 'No teammate is called Nobody.',
    });
    // The person signed in is in Slack's list too, but is not sent messages, nor offered it.
    w.slack.members.push({ id: 'U0ME', name: 'me', real_name: 'Me Myself', tz: 'Europe/Berlin' });
    await w.host.integrations.refreshRemote();
    const me = w.host.service.teammates().find((t) => t.name === 'Me Myself');
    expect(me).toBeDefined();
    expect(me?.messageable).toBeUndefined();
    expect(w.host.service.teammates().find((t) => t.name === 'Ana')?.messageable).toBe(true);
    expect((await send(w, { to: 'Me Myself', text: 'hi' })).message).toBe(
      'Me Myself is you: Cadence sends messages to your teammates.',
    );
    await w.run('teammates.add', { name: 'Rui', timeZone: 'Europe/Lisbon' });
    expect((await send(w, { to: 'Rui', text: 'hi' })).message).toMatch(
      /^Rui is not on Slack as far as Cadence knows/,
    );
    expect(await send(w, { to: 'Ana', text: '   ' })).toMatchObject({ ok: false, error: 'invalid_input' });
    w.slack.nextAnswer.set('conversations.open', {
      status: 200,
      body: { ok: false, error: 'user_disabled' },
    });
    expect(await send(w, { to: 'Ana', text: 'hi' })).toMatchObject({
      ok: false,
      error: 'provider',
      message: "Not sent: that person's Slack account is deactivated.",
    });
    expect(w.slack.messages).toEqual([]);
    // Posted too much: Slack's rate_limited (not the HTTP 429) is a wait, in words.
    w.slack.nextAnswer.set('chat.postMessage', { status: 200, body: { ok: false, error: 'rate_limited' } });
    expect((await send(w, { to: 'Ana', text: 'hi' })).message).toBe(
      'Slack asked to slow down: not sent. Try again in 30 s.',
    );
    // No answer: it may have gone, so the sender is told to look before sending again.
    w.slack.nextAnswer.set('chat.postMessage', { status: 503, body: 'unavailable' });
    expect((await send(w, { to: 'Ana', text: 'hi' })).message).toBe(
      'Slack did not answer, so Cadence cannot tell whether it was sent: look in Slack before trying again.',
    );
  });

  it('takes a scheduled message back before it lands, and says when Slack no longer can', async () => {
    const w = await slackWorld('2026-12-04T19:30');
    await w.connect('slack', 'messages');
    const sent = await send(w, { to: 'Ana', text: 'Forget the draft.' });
    expect(w.slack.messages).toHaveLength(1);
    const back = await w.run('message.cancel', { id: sent.value!.scheduledId });
    expect(back).toMatchObject({ ok: true, value: { words: 'Taken back: it will not be sent.' } });
    expect(w.slack.messages).toEqual([]);
    // Again: Slack has nothing to take back any more.
    expect(await w.run('message.cancel', { id: sent.value!.scheduledId })).toMatchObject({
      ok: false,
      message:
        'Slack cannot take it back: it has been sent, or goes within a minute, or was taken back already.',
    });
    // Within its last minute Slack keeps it.
    const late = await send(w, { to: 'Ana', text: 'Monday then.' });
    w.clock.advanceTo(at('2026-12-07T08:59:30', 'Europe/Lisbon'));
    expect((await w.run('message.cancel', { id: late.value!.scheduledId })).ok).toBe(false);
    expect(w.slack.messages.map((m) => m.text)).toEqual(['Monday then.']);
  });

  it('from the CLI: cadence send opens the sign-in the first time, then sends and says when it lands', async () => {
    const w = await slackWorld('2026-12-04T19:30');
    const env = { CADENCE_NO_BROWSER: '1' };
    const first = await cli(w.dir, ['send', 'Ana', 'The draft', 'is in the folder.'], env);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^Not sent yet\. Sending needs Slack to let Cadence post messages as you/);
    expect(first.stderr).toMatch(/Once you have allowed it, run the same command again\.$/m);
    expect(w.slack.messages).toEqual([]);
    const startUrl = /^(http:\/\/localhost:\d+\/cadence-sign-in\/\S+)$/m.exec(first.stderr)?.[1];
    expect(startUrl).toBeDefined();
    expect((await browseSignIn(startUrl!)).ok).toBe(true);
    await w.settle();
    const again = await cli(w.dir, ['send', 'Ana', 'The draft', 'is in the folder.'], env);
    expect([again.code, again.stdout.trim()]).toEqual([
      0,
      "Arrives on Monday at 09:00, Ana's time (10:00 for you).\nTake it back before then: cadence send --take-back DUANA/Q1",
    ]);
    const back = await cli(w.dir, ['send', '--take-back', 'DUANA/Q1'], env);
    expect([back.code, back.stdout.trim(), back.stderr]).toEqual([0, 'Taken back: it will not be sent.', '']);
    expect(w.slack.messages).toEqual([]);
    const usage = await cli(w.dir, ['send', 'Ana'], env);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/^send needs who and what/)]);
  });
});
