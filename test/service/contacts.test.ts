import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { ME_OID } from '../fakes/graphFake';
import { cli } from '../fakes/processHarness';
import { at } from '../unit/shared/domainFixtures';

/** Issue #25: the record of contacts outside hours, read from Slack only once turned on and allowed. */
const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

const ts = (local: string) => (at(local, ZONE) / 1000).toFixed(6);
/** The clock moved to a Berlin time, the reading under way done, then a reading of its own. */
async function readAt(w: IntegrationWorld, local: string): Promise<void> {
  w.clock.advanceTo(at(local, ZONE));
  await w.host.contacts.settled();
  await w.host.contacts.read();
}
const conversationCalls = (w: IntegrationWorld) =>
  w.slack.methodCalls().filter((m) => m.startsWith('conversations.'));
type Kept = { at: string; urgent: boolean; why: string; from: { name: string }; answeredAt?: string };
type View = { lastWeek: string; thisWeek: string; contacts: Kept[] };

/** Friday 4 December, 16:00 in Berlin, Slack signed in for status alone; Ana and Kai in the workspace. */
async function slackWorld(): Promise<IntegrationWorld> {
  world = await integrationWorld(at('2026-12-04T16:00', ZONE), ZONE, { clock: '24h' });
  world.slack.members = [
    { id: 'UANA', name: 'ana', real_name: 'Ana', tz: 'Europe/Lisbon' },
    { id: 'UKAI', name: 'kai', real_name: 'Kai', tz: 'Asia/Tokyo' },
  ];
  await world.connect('slack');
  return world;
}

/** What Ana and Kai wrote over the weekend and on Monday morning, and the person's own reply. */
function weekendMessages(w: IntegrationWorld): void {
  w.slack.history.set('DUANA', [
    { ts: ts('2026-12-04T16:30'), user: 'UANA', text: 'Inside your hours, this one' },
    { ts: ts('2026-12-04T20:15'), user: 'UANA', text: 'Secret launch plans, see you Monday' },
    { ts: ts('2026-12-05T09:00'), user: 'U0ME', text: 'Thanks, Monday then' },
    { ts: ts('2026-12-07T09:30'), user: 'UANA', text: 'Morning!' },
  ]);
  w.slack.history.set('DUKAI', [
    { ts: ts('2026-12-06T22:00'), user: 'UKAI', text: '!urgent the build is red' },
    { ts: ts('2026-12-06T22:05'), user: 'UKAI', text: 'joined', subtype: 'channel_join' },
  ]);
}

describe('the record of contacts outside hours', () => {
  it('reads nothing while off, the default', async () => {
    const w = await slackWorld();
    weekendMessages(w);
    await w.host.contacts.settled();
    await w.host.contacts.read();
    await w.advanceTo(at('2026-12-07T10:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(conversationCalls(w)).toEqual([]);
    expect(w.host.contacts.state.contacts).toEqual([]);
    expect(w.slack.granted).not.toContain('im:history');
  });

  it('turned on, asks Slack once, then keeps when, channel, who, urgent and the reply: never the text', async () => {
    const w = await slackWorld();
    expect((await w.run('settings.update', { patch: { contactRecord: true } })).ok).toBe(true);
    // Nothing is read before the person allows it; the Slack card says what is read and why.
    expect(conversationCalls(w)).toEqual([]);
    expect(w.host.integrations.list().find((v) => v.id === 'slack')?.permission).toMatch(
      /^To keep your record of contacts outside your hours, Cadence needs your permission to read your direct messages in Slack/,
    );
    await w.connect('slack');
    expect(w.slack.granted).toEqual(
      expect.arrayContaining(['im:read', 'im:history', 'mpim:read', 'mpim:history']),
    );
    // Mentions in channels are asked for apart, on the card (an app from the older manifest lacks them).
    expect(w.slack.granted).not.toContain('search:read');
    expect(w.host.integrations.list().find((v) => v.id === 'slack')?.permission).toMatch(/mention you/);
    weekendMessages(w);
    await w.advanceTo(at('2026-12-07T10:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const kept = w.host.contacts.state.contacts;
    expect(kept.map((c) => [c.at, c.from.name, c.urgent, c.why, c.answeredAt ?? null])).toEqual([
      ['2026-12-04T20:15:00.000+01:00', 'Ana', false, 'afterHours', '2026-12-05T09:00:00.000+01:00'],
      ['2026-12-06T22:00:00.000+01:00', 'Kai', true, 'weekend', null],
    ]);
    // The text was read to see whether it was urgent, and is nowhere in the data folder.
    for (const file of fs.readdirSync(w.dir))
      if (fs.statSync(path.join(w.dir, file)).isFile())
        expect(fs.readFileSync(path.join(w.dir, file), 'utf8')).not.toMatch(/Secret launch|build is red/);
    // Read again: nothing is counted twice.
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts).toHaveLength(2);
  });

  it('says the week in a sentence, reports a range, and deletes it all on request', async () => {
    const w = await slackWorld();
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    weekendMessages(w);
    await w.advanceTo(at('2026-12-07T10:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const view = w.host.service.query('contacts', { from: '2026-12-06', to: '2026-12-06' }) as unknown as {
      ok: boolean;
      value: View;
    };
    if (!view.ok) throw new Error(JSON.stringify(view));
    // The record began on Friday: last week is said from then on, and this week has had none yet.
    expect(view.value.lastWeek).toMatch(
      /^2 contacts outside your hours last week since the record began on Friday,? (4 December|December 4), 1 of them urgent; 1 from one person \(Ana\)\. Google Calendar and Microsoft 365 are not connected: their contacts are not counted\.$/,
    );
    expect(view.value.thisWeek).toBe(
      'No contacts outside your hours this week so far. Google Calendar and Microsoft 365 are not connected: their contacts are not counted.',
    );
    expect(view.value.contacts.map((c) => c.from.name)).toEqual(['Kai']);
    // The report: the hours it was measured by at the top, then a row a contact, no text.
    const csv = await cli(w.dir, ['contacts', '--csv'], {});
    expect(csv.stdout.split('\r\n')).toEqual([
      '# Working hours (Europe/Berlin): Mon 09:00–17:30, Tue 09:00–17:30, Wed 09:00–17:30, Thu 09:00–17:30, Fri 09:00–17:30, Sat off, Sun off',
      '# No written disconnecting policy followed',
      'day,time,channel,sender,urgent,why,answered_at,what_you_did,meeting_at',
      // Answered on Saturday morning: outside hours too. Kai's was not answered once Monday's hours began.
      '2026-12-04,20:15,Slack direct message,Ana,false,afterHours,2026-12-05T09:00:00.000+01:00,answered_outside_hours,',
      '2026-12-06,22:00,Slack direct message,Kai,true,weekend,,left_for_working_hours,',
      '',
    ]);
    // A line each with its key; marked "Urgent — I'm on it" by that key, and one deleted by its key.
    const list = await cli(w.dir, ['contacts', '--list'], {});
    const kai = /\[(slack:DUKAI:[\d.]+)\]$/m.exec(list.stdout)?.[1];
    expect(list.stdout).toContain(
      '2026-12-06 22:00  Slack direct message  Kai  urgent  Left for your working hours',
    );
    expect((await cli(w.dir, ['contacts', '--on-it', kai!], {})).stdout).toContain(
      'Marked: urgent — you were on it.',
    );
    expect(w.host.contacts.state.contacts.find((c) => c.key === kai)?.onIt).toBe(true);
    expect((await cli(w.dir, ['contacts', '--on-it', 'slack:nope:1'], {})).stderr).toContain(
      'That contact is not in the record',
    );
    expect((await cli(w.dir, ['contacts', '--delete', kai!], {})).stdout).toContain('Deleted: 1 contact.');
    expect(await w.run('contacts.delete', {})).toMatchObject({ ok: true, value: { deleted: 1 } });
    expect(w.host.contacts.state.contacts).toEqual([]);
    // Deleted stays deleted: what was read is not read again.
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts).toEqual([]);
  });

  it("under the newer apps' 1-a-minute history limit, goes on where it stopped and loses nothing", async () => {
    const w = await slackWorld();
    w.slack.newAppHistoryLimits = true;
    const people = ['U1', 'U2', 'U3', 'U4', 'U5'];
    w.slack.members.push(...people.map((id) => ({ id, name: id, real_name: `Person ${id}`, tz: ZONE })));
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    // Five people write on Saturday evening, a minute apart.
    people.forEach((id, i) =>
      w.slack.history.set(`D${id}`, [{ ts: ts(`2026-12-05T20:0${i}`), user: id, text: 'hello' }]),
    );
    await w.advanceTo(at('2026-12-05T20:05', ZONE));
    // A reading a minute: each gets one history call before Slack says to wait.
    for (let minute = 1; minute <= 6; minute++) {
      w.clock.advanceTo(at('2026-12-05T20:05', ZONE) + minute * 61_000);
      await w.host.contacts.settled();
      await w.host.contacts.read();
    }
    // Slack takes one history call a minute and refuses the rest: every conversation is read in the end,
    // each contact counted once.
    expect(w.host.contacts.state.contacts.map((c) => c.from.name).sort()).toEqual(
      people.map((id) => `Person ${id}`),
    );
  });

  it('a busy conversation, more than a page, is read to its end a page a minute, each message once', async () => {
    const w = await slackWorld();
    w.slack.newAppHistoryLimits = true;
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    // Forty messages from Ana on Saturday evening (three pages of 15), and one from Kai.
    w.slack.history.set(
      'DUANA',
      Array.from({ length: 40 }, (_, i) => ({
        ts: (at('2026-12-05T20:00', ZONE) / 1000 + i * 30).toFixed(6),
        user: 'UANA',
        text: `message ${i}`,
      })),
    );
    w.slack.history.set('DUKAI', [{ ts: ts('2026-12-05T21:00'), user: 'UKAI', text: 'hello' }]);
    await w.advanceTo(at('2026-12-05T21:05', ZONE));
    for (let minute = 1; minute <= 8; minute++) {
      w.clock.advanceTo(at('2026-12-05T21:05', ZONE) + minute * 61_000);
      await w.host.contacts.settled();
      await w.host.contacts.read();
    }
    const names = w.host.contacts.state.contacts.map((c) => c.from.name);
    expect(names.filter((n) => n === 'Ana')).toHaveLength(40);
    expect(names.filter((n) => n === 'Kai')).toHaveLength(1);
    expect(new Set(w.host.contacts.state.contacts.map((c) => c.at)).size).toBe(41);
  });

  it('under the 1-a-minute limit, a conversation Slack refused is first in line next time, not starved', async () => {
    const w = await slackWorld();
    w.slack.newAppHistoryLimits = true;
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    w.slack.history.set('DUANA', [{ ts: ts('2026-12-05T20:00'), user: 'UANA', text: 'one' }]);
    w.slack.history.set('DUKAI', [{ ts: ts('2026-12-05T20:30'), user: 'UKAI', text: 'two' }]);
    // Each reading gets one history call: the one Slack refused with 429 goes first the next minute.
    for (let minute = 1; minute <= 3; minute++) {
      w.clock.advanceTo(at('2026-12-05T21:00', ZONE) + minute * 61_000);
      await w.host.contacts.settled();
      await w.host.contacts.read();
    }
    expect(w.host.contacts.state.contacts.map((c) => c.from.name).sort()).toEqual(['Ana', 'Kai']);
  });

  it('Google Calendar: invitations sent outside hours, or set for a time outside them, are contacts', async () => {
    const w = await slackWorld();
    await w.connect('google');
    await w.run('settings.update', { patch: { contactRecord: true } });
    const ana = { email: 'ana@example.com', displayName: 'Ana' };
    // Friday 16:00, in hours: a meeting on Monday at 10:00 (inside) and one on Tuesday at 19:00 (outside).
    w.google.invite(ana, '2026-12-07T09:00:00Z', '2026-12-07T09:30:00Z', 'Planning');
    const late = w.google.invite(ana, '2026-12-08T18:00:00Z', '2026-12-08T19:00:00Z', 'Launch call');
    await w.host.contacts.settled();
    await w.host.contacts.read();
    // Saturday 21:00: a meeting for Monday morning, sent on the weekend, urgent by the team's keyword.
    await w.advanceTo(at('2026-12-05T21:00', ZONE));
    const weekend = w.google.invite(
      { email: 'kai@example.com' },
      '2026-12-07T08:00:00Z',
      '2026-12-07T08:30:00Z',
      '!urgent incident review',
    );
    // The next reading, ten minutes on (Google is read every ten minutes).
    w.clock.advanceTo(at('2026-12-05T21:10', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const kept = w.host.contacts.state.contacts;
    expect(
      kept.map((c) => [c.key, c.channel, c.from.name, c.urgent, c.why, c.at.slice(0, 16), c.meetingAt]),
    ).toEqual([
      [
        `google:${late.id}`,
        'invitation',
        'Ana',
        false,
        'afterHours',
        '2026-12-04T16:00',
        '2026-12-08T19:00:00.000+01:00',
      ],
      [
        `google:${weekend.id}`,
        'invitation',
        'kai@example.com',
        true,
        'weekend',
        '2026-12-05T21:00',
        '2026-12-07T09:00:00.000+01:00',
      ],
    ]);
    // Only what changed since the last reading was asked for, and never the title in the data folder.
    const asked = w.google.server.calls
      .filter((c) => c.method === 'GET' && c.query.has('updatedMin'))
      .map((c) => c.query.get('updatedMin')?.slice(0, 16));
    // The first reading from when the record began; later ones from 10 minutes before the last reading.
    expect(asked[0]).toBe('2026-12-04T15:00');
    expect(asked.at(-1)).toBe('2026-12-04T16:30');
    // Ten minutes on, from ten minutes before the last reading (21:10, Berlin).
    w.clock.advanceTo(at('2026-12-05T21:20', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const again = w.google.server.calls.filter((c) => c.method === 'GET' && c.query.has('updatedMin'));
    expect(again.at(-1)!.query.get('updatedMin')!.slice(0, 16)).toBe('2026-12-05T20:00');
    const file = fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8');
    expect(file).not.toContain('incident review');
    expect(file).not.toContain('Launch call');
  });

  it('a conversation Slack will not let Cadence read holds up none of the others', async () => {
    const w = await slackWorld();
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    w.slack.history.set('DUAAA', [{ ts: ts('2026-12-05T20:00'), user: 'UAAA', text: 'first in line' }]);
    w.slack.unreadable.add('DUAAA');
    w.slack.history.set('DUANA', [{ ts: ts('2026-12-05T20:10'), user: 'UANA', text: 'hello' }]);
    w.slack.history.set('DUKAI', [{ ts: ts('2026-12-05T20:20'), user: 'UKAI', text: 'hi' }]);
    w.clock.advanceTo(at('2026-12-05T21:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.from.name)).toEqual(['Ana', 'Kai']);
  });

  it('a page Slack sends empty while saying there is more loses nothing; Slackbot is not a person', async () => {
    const w = await slackWorld();
    w.slack.emptyPagesWithMore = true;
    w.slack.newAppHistoryLimits = false;
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    w.slack.history.set('DUANA', [
      ...Array.from({ length: 20 }, (_, i) => ({
        ts: (at('2026-12-05T20:00', ZONE) / 1000 + i * 60).toFixed(6),
        user: 'UANA',
        text: `message ${i}`,
      })),
      { ts: ts('2026-12-05T20:30'), user: 'USLACKBOT', text: 'Reminder: water the plants' },
    ]);
    w.clock.advanceTo(at('2026-12-05T21:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const names = w.host.contacts.state.contacts.map((c) => c.from.name);
    expect(names).toHaveLength(20);
    expect(new Set(names)).toEqual(new Set(['Ana']));
  });

  it('Outlook: turned on, Microsoft 365 asks once for Mail.ReadBasic; mail outside hours is kept, never its subject', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    const inbox = () => w.graph.server.calls.filter((c) => c.path.endsWith('/me/mailFolders/inbox/messages'));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    // Not allowed yet: nothing read, and the card says what signing in again allows.
    expect(inbox()).toEqual([]);
    const card = w.host.integrations.list().find((v) => v.id === 'microsoft');
    expect(card?.permission).toContain('Mail.ReadBasic');
    await w.connect('microsoft');
    w.graph.deliver({ name: 'Ana Lima', address: 'Ana@example.com' }, 'Inside your hours');
    await w.advanceTo(at('2026-12-04T19:30', ZONE));
    w.graph.deliver({ name: 'Ana Lima', address: 'Ana@example.com' }, '!urgent the invoice', 'Secret body');
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const kept = w.host.contacts.state.contacts;
    expect(kept.map((c) => [c.channel, c.from.name, c.from.id, c.urgent, c.why])).toEqual([
      ['outlookMail', 'Ana Lima', 'ana@example.com', true, 'afterHours'],
    ]);
    // Only when, from whom, the subject and the conversation were asked for; the subject is not kept.
    expect(inbox().at(-1)?.query.get('$select')).toBe('receivedDateTime,from,subject,conversationId');
    expect(w.graph.signIns.at(-1)).toContain('Mail.ReadBasic');
    const file = fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8');
    expect(file).not.toContain('invoice');
    expect(file).not.toContain('Secret body');
  });

  it('Google: a recurring invitation is one contact, a mark too old for Google starts afresh, a deleted one stays deleted', async () => {
    const w = await slackWorld();
    await w.connect('google');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.host.contacts.settled();
    await w.host.contacts.read();
    w.google.updatedMinLimitMs = 2 * 86_400_000;
    await w.advanceTo(at('2026-12-05T21:00', ZONE));
    // A weekly call, sent on Saturday evening: Google lists each of its meetings with its own id.
    for (const day of ['07', '14', '21'])
      w.google.invite(
        { email: 'kai@example.com' },
        `2026-12-${day}T08:00:00Z`,
        `2026-12-${day}T08:30:00Z`,
        'Weekly',
        'series1',
      );
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.key)).toEqual(['google:series1']);
    // The computer was off for five days: the last reading is too far back for Google, which says 410.
    w.clock.advanceTo(at('2026-12-10T21:00', ZONE));
    const late = w.google.invite(
      { email: 'ana@example.com' },
      '2026-12-11T08:00:00Z',
      '2026-12-11T09:00:00Z',
      'Sync',
    );
    await w.host.contacts.settled();
    await w.host.contacts.read();
    // Read again from then, at the next reading ten minutes on.
    w.clock.advanceTo(at('2026-12-10T21:10', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.key)).toContain(`google:${late.id}`);
    // Deleted, then listed again (an edit to the meeting): it does not come back.
    expect(await w.run('contacts.delete', { keys: [`google:${late.id}`] })).toMatchObject({
      value: { deleted: 1 },
    });
    w.google.events.get(late.id)!.updated = new Date(w.clock.now()).toISOString();
    w.clock.advanceTo(at('2026-12-10T21:30', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.key)).toEqual(['google:series1']);
  });

  it('a long Outlook id is kept under a short key, and a record with one unreadable contact keeps the rest', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    await w.advanceTo(at('2026-12-04T20:00', ZONE));
    const long = w.graph.deliver({ name: 'Ana Lima', address: 'ana@example.com' }, 'Hello');
    w.graph.inbox.at(-1)!.id = `${long}${'x'.repeat(150)}`;
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const [kept] = w.host.contacts.state.contacts;
    // Its conversation's digest, then its own: short whatever the ids' length.
    expect(kept?.key).toMatch(/^outlook:#[\w-]{24}:#[\w-]{43}$/);
    // Someone edits contacts.json by hand and breaks one contact: the others and the marks stay.
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const state = JSON.parse(fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8'));
    state.contacts.push({ ...state.contacts[0], key: 'x', at: 'not a time' });
    const { parseContactState } = await import('../../main/core/contactStore');
    const read = parseContactState(JSON.parse(JSON.stringify(state)));
    expect(read.value.contacts.map((c) => c.key)).toEqual([kept!.key]);
    expect(read.problems).toEqual(['1 contact in the record could not be read and was left out']);
  });

  it('what comes while the record is off is never read, even once it is turned on again', async () => {
    const w = await slackWorld();
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    await w.advanceTo(at('2026-12-05T20:00', ZONE));
    await w.run('settings.update', { patch: { contactRecord: false } });
    await w.host.contacts.settled();
    w.slack.history.set('DUANA', [{ ts: ts('2026-12-05T21:00'), user: 'UANA', text: 'while off' }]);
    await w.advanceTo(at('2026-12-05T22:00', ZONE));
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.host.contacts.settled();
    w.slack.history.get('DUANA')!.push({ ts: ts('2026-12-05T22:30'), user: 'UANA', text: 'after' });
    await w.advanceTo(at('2026-12-05T22:45', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.at.slice(0, 16))).toEqual(['2026-12-05T22:30']);
  });

  it('Outlook: an invitation is one contact (its meeting request in the inbox is not mail); a long evening of mail is read to its end', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    await w.advanceTo(at('2026-12-04T19:30', ZONE));
    w.graph.invite({ name: 'Kai', address: 'kai@example.com' }, 'Launch review', '2026-12-07T08:00:00Z');
    w.graph.pageSize = 1;
    for (let i = 0; i < 24; i++) {
      w.clock.advanceTo(w.clock.now() + 1000);
      w.graph.deliver({ name: `Person ${i}`, address: `p${i}@example.com` }, `Note ${i}`);
    }
    await w.host.contacts.settled();
    await w.host.contacts.read();
    // 20 pages a reading: cut short, the next reading goes on from the last mail read.
    w.clock.advanceTo(at('2026-12-04T19:40', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const kept = w.host.contacts.state.contacts;
    expect(kept.filter((c) => c.channel === 'outlookMail')).toHaveLength(24);
    expect(kept.filter((c) => c.channel === 'invitation').map((c) => [c.from.name, c.meetingAt])).toEqual([
      ['Kai', '2026-12-07T09:00:00.000+01:00'],
    ]);
    expect(fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8')).not.toContain('Launch review');
  });

  it('a service that refuses the reading is said beside the weeks until it reads again', async () => {
    const w = await slackWorld();
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('slack');
    w.slack.auth.revokeAll();
    await w.advanceTo(at('2026-12-04T20:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const view = () =>
      (w.host.service.query('contacts', {}) as unknown as { value: { unread: string[] } }).value;
    expect(view().unread).toEqual([
      expect.stringMatching(/^Slack could not be read: Slack refused the token/),
    ]);
    expect((await cli(w.dir, ['contacts'], {})).stdout).toContain('Slack could not be read');
    await w.connect('slack');
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(view().unread).toEqual([]);
  });

  it('Outlook: an all-day invitation sent in hours is no contact; a recurring one is judged by when it was sent', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    const ana = { name: 'Ana', address: 'ana@example.com' };
    // Friday 16:00, in hours: an all-day event, and a weekly series whose recurrence begins on a Saturday.
    w.graph.invite(ana, 'Offsite', '2026-12-09T00:00:00Z', { isAllDay: true });
    w.graph.invite(ana, 'Weekly', '2026-12-12T00:00:00Z', { type: 'seriesMaster' });
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts).toEqual([]);
    // Sent on Saturday evening, the same kind of series is a contact, with no meeting time said.
    await w.advanceTo(at('2026-12-05T21:00', ZONE));
    w.graph.invite(ana, 'Weekly 2', '2026-12-12T00:00:00Z', { type: 'seriesMaster' });
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const kept = w.host.contacts.state.contacts;
    expect(kept.map((c) => [c.channel, c.why, c.meetingAt])).toEqual([['invitation', 'weekend', undefined]]);
  });

  it("Outlook: the person's own mail is no contact; asked to wait an hour, the record waits an hour", async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    await w.advanceTo(at('2026-12-04T19:30', ZONE));
    w.graph.deliver({ name: 'Me', address: 'Me@Contoso.example' }, 'Note to self');
    w.graph.deliver({ name: 'Ana', address: 'ana@example.com' }, 'Hello');
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => c.from.name)).toEqual(['Ana']);
    w.graph.inboxRetryAfter = 3600;
    w.clock.advanceTo(at('2026-12-04T19:45', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.nextAt).toBeGreaterThanOrEqual(at('2026-12-04T20:45', ZONE));
    // A pause is not a failure: nothing is said beside the weeks.
    expect(w.host.contacts.unread).toEqual([]);
  });

  it('Google: someone added to an older meeting on Saturday evening is a contact then', async () => {
    const w = await slackWorld();
    await w.connect('google');
    const older = w.google.invite(
      { email: 'kai@example.com' },
      '2026-12-09T09:00:00Z',
      '2026-12-09T10:00:00Z',
      'Sync',
    );
    // Made on Friday before the record began, without the person; they are added on Saturday at 21:00.
    w.google.events.get(older.id)!.attendees = [];
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.host.contacts.settled();
    await w.host.contacts.read();
    await w.advanceTo(at('2026-12-05T21:00', ZONE));
    const event = w.google.events.get(older.id)!;
    event.attendees = [{ email: 'me@example.com', self: true, responseStatus: 'needsAction' }];
    event.updated = new Date(w.clock.now()).toISOString();
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.map((c) => [c.from.name, c.why, c.at.slice(0, 16)])).toEqual([
      ['kai@example.com', 'weekend', '2026-12-05T21:00'],
    ]);
  });

  it('Slack mentions in channels outside hours are contacts, read through search once allowed', async () => {
    const w = await slackWorld();
    // The record's first sign-in asks for the direct messages alone: an app made from the older manifest
    // would refuse the whole sign-in over search:read.
    w.slack.appScopes = [...w.slack.granted, 'im:read', 'im:history', 'mpim:read', 'mpim:history'];
    await w.run('settings.update', { patch: { contactRecord: true } });
    // Allowed from the card's "Sign in again to allow it": the direct messages first.
    await w.connect('slack', 'permission');
    expect(w.slack.granted).toContain('im:history');
    w.slack.channels.set('CDESIGN', {
      name: 'design',
      messages: [
        { ts: ts('2026-12-04T16:45'), user: 'UANA', text: '<@U0ME> quick one, inside your hours' },
        { ts: ts('2026-12-04T20:30'), user: 'UANA', text: '<@U0ME> Secret mockups for review' },
        { ts: ts('2026-12-05T11:00'), user: 'UKAI', text: '<@U0ME> !urgent the site is down' },
        { ts: ts('2026-12-05T11:20'), user: 'U0ME', text: 'on it <@U0ME>' },
        { ts: ts('2026-12-05T12:00'), user: 'UBOT', text: '<@U0ME> deploy finished', bot_id: 'B1' },
        { ts: ts('2026-12-05T13:00'), user: 'UANA', text: 'nobody mentioned here' },
      ],
    });
    w.slack.history.set('DUANA', [{ ts: ts('2026-12-05T10:00'), user: 'UANA', text: 'a direct one' }]);
    await w.advanceTo(at('2026-12-05T14:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    // Direct messages are read meanwhile; mentions wait for the permission, and the Slack card asks for it.
    expect(w.slack.methodCalls()).not.toContain('search.messages');
    expect(w.host.contacts.state.contacts.map((c) => c.channel)).toEqual(['slackDirect']);
    expect(w.host.integrations.list().find((v) => v.id === 'slack')?.permission).toMatch(
      /^To count the messages in Slack channels that mention you, Cadence needs search:read\. If your Slack app was made from an older Cadence manifest, add it first/,
    );
    // A plain reconnect does not ask for it (an app from the older manifest would refuse the whole
    // sign-in); the card's "Sign in again to allow it" does.
    await w.connect('slack');
    expect(w.slack.granted).not.toContain('search:read');
    // Once the app lists it, the card's "Sign in again to allow it" asks for it; that sign-in alone.
    w.slack.appScopes = null;
    await w.connect('slack', 'permission');
    expect(w.slack.granted).toContain('search:read');
    await w.host.contacts.settled();
    await w.host.contacts.read();
    const mentions = w.host.contacts.state.contacts.filter((c) => c.channel === 'slackMention');
    // Ana's on Friday evening and Kai's urgent one on Saturday; not the one in hours, the person's own, a bot's.
    expect(mentions.map((c) => [c.at.slice(0, 16), c.from.name, c.urgent, c.why, c.key])).toEqual([
      ['2026-12-04T20:30', 'Ana', false, 'afterHours', `slack:CDESIGN:${ts('2026-12-04T20:30')}`],
      ['2026-12-05T11:00', 'Kai', true, 'weekend', `slack:CDESIGN:${ts('2026-12-05T11:00')}`],
    ]);
    // A reply in a channel is not read: the record does not claim the mention was left unanswered.
    const list = await cli(w.dir, ['contacts', '--list'], {});
    expect(list.stdout).toContain('2026-12-04 20:30  Slack mention  Ana  Your reply is not read here');
    // Read again: counted once; the text is nowhere in the data folder.
    await w.advanceTo(at('2026-12-05T15:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.host.contacts.state.contacts.filter((c) => c.channel === 'slackMention')).toHaveLength(2);
    expect(fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8')).not.toMatch(
      /Secret mockups|site is down/,
    );
    // One search a reading, asked by the person's own id and a day it can take.
    const searches = w.slack.server.calls.filter((c) => c.path === '/api/search.messages');
    expect(searches.length).toBeGreaterThanOrEqual(2);
    expect(searches.at(-1)!.body).toMatchObject({ query: '<@U0ME> after:2026-12-03', sort: 'timestamp' });
  });

  it('Teams: chats are read once a day, before the hours begin; people’s messages outside hours are contacts, the person’s own are their answers', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    // A work account: the card asks for Chat.Read with Mail.ReadBasic, and the sign-in asks for both.
    expect(w.host.integrations.list().find((v) => v.id === 'microsoft')?.permission).toBeDefined();
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).toEqual(expect.arrayContaining(['Mail.ReadBasic', 'Chat.Read']));
    await readAt(w, '2026-12-04T16:05');
    const anaUser = { user: { id: 'aad-ana', displayName: 'Ana Lima' } };
    const kaiUser = { user: { id: 'aad-kai', displayName: 'Kai' } };
    const me = { user: { id: ME_OID, displayName: 'Me' } };
    const chats = w.graph.teams;
    for (const [id, chatType] of [
      ['19:ana_me@unq.gbl.spaces', 'oneOnOne'],
      ['19:launch-group@thread.v2', 'group'],
      ['19:meeting_abc@thread.v2', 'meeting'],
      ['19:left@thread.v2', 'group'],
    ] as const)
      chats.chats.set(id, { id, chatType, messages: [] });
    chats.left.add('19:left@thread.v2');
    const older = chats.write(
      '19:ana_me@unq.gbl.spaces',
      anaUser,
      'from Thursday',
      at('2026-12-03T11:00', ZONE),
    );
    chats.write(
      '19:ana_me@unq.gbl.spaces',
      anaUser,
      'Secret plan for the offsite',
      at('2026-12-04T20:15', ZONE),
    );
    chats.write('19:ana_me@unq.gbl.spaces', me, 'ok, Monday', at('2026-12-04T20:40', ZONE));
    // Thursday's message gets a reaction on Friday evening: listed again, and not a contact.
    older.lastModifiedDateTime = new Date(at('2026-12-04T21:00', ZONE)).toISOString();
    chats.write('19:left@thread.v2', kaiUser, 'in a chat the person left', at('2026-12-04T21:30', ZONE));
    await readAt(w, '2026-12-04T22:00');
    await readAt(w, '2026-12-05T16:10');
    chats.write('19:launch-group@thread.v2', kaiUser, '', at('2026-12-05T11:00', ZONE), {
      body: { contentType: 'html', content: '<p>!urgent the launch page is <b>down</b></p>' },
    });
    chats.write(
      '19:launch-group@thread.v2',
      { application: { id: 'bot', displayName: 'Deploy bot' } },
      'deployed',
      at('2026-12-05T11:05', ZONE),
    );
    chats.write('19:launch-group@thread.v2', null, '', at('2026-12-05T11:10', ZONE), {
      messageType: 'systemEventMessage',
    });
    chats.write('19:meeting_abc@thread.v2', anaUser, 'meeting chat', at('2026-12-05T13:00', ZONE));
    await readAt(w, '2026-12-06T14:00');
    chats.write(
      '19:ana_me@unq.gbl.spaces',
      anaUser,
      'Morning, before you start',
      at('2026-12-07T08:30', ZONE),
    );
    await readAt(w, '2026-12-07T08:30');
    await readAt(w, '2026-12-07T08:59');
    const teams = w.host.contacts.state.contacts.filter((c) => c.channel === 'teamsChat');
    expect(
      teams.map((c) => [c.at.slice(0, 16), c.from.name, c.urgent, c.why, c.answeredAt?.slice(0, 16) ?? null]),
    ).toEqual([
      ['2026-12-04T20:15', 'Ana Lima', false, 'afterHours', '2026-12-04T20:40'],
      ['2026-12-05T11:00', 'Kai', true, 'weekend', null],
      ['2026-12-07T08:30', 'Ana Lima', false, 'beforeHours', null],
    ]);
    expect(teams[0]!.answeredOutside).toBe(true);
    // Once a day at most, in working days' mornings: allowed on Friday afternoon with nothing to read yet,
    // the first is Monday's, a minute before 09:00, which takes in Friday evening and the weekend.
    expect(chats.pollsWithinADay).toBe(0);
    const polls = chats.listings.map((t) => new Date(t).toISOString().slice(0, 16));
    expect(polls).toEqual(['2026-12-07T07:59']);
    expect(w.host.contacts.unread).toEqual([]);
    const file = fs.readFileSync(path.join(w.dir, 'contacts.json'), 'utf8');
    expect(file).not.toMatch(/Secret plan|launch page/);
    const view = w.host.service.query('contacts', {}) as unknown as { value: { notRead: string } };
    expect(view.value.notRead).toContain('Teams chats are read once a day');
  });

  it('Teams: a personal Microsoft account is never asked for its chats, and the record says why they are not read', async () => {
    const w = await slackWorld();
    w.graph.account = { kind: 'personal', username: 'me@outlook.example' };
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).toContain('Mail.ReadBasic');
    expect(w.graph.signIns.flat()).not.toContain('Chat.Read');
    w.clock.advanceTo(at('2026-12-04T20:00', ZONE));
    await w.host.contacts.settled();
    await w.host.contacts.read();
    expect(w.graph.server.calls.filter((c) => c.path.includes('/chats'))).toEqual([]);
    const view = w.host.service.query('contacts', {}) as unknown as { value: { notRead: string } };
    expect(view.value.notRead).toContain(
      'Teams chats are not read: Microsoft lets no app read the chats of a personal account.',
    );
  });

  it('Teams: a busy chat is read to its end a page a second; a 429 is waited for; Graph out of reach leaves the day’s reading to go on with', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    const chats = w.graph.teams;
    chats.chats.set('19:busy@thread.v2', { id: '19:busy@thread.v2', chatType: 'group', messages: [] });
    chats.chats.set('19:ana@unq.gbl.spaces', {
      id: '19:ana@unq.gbl.spaces',
      chatType: 'oneOnOne',
      messages: [],
    });
    const ana = { user: { id: 'aad-ana', displayName: 'Ana Lima' } };
    await readAt(w, '2026-12-05T12:30');
    for (let i = 0; i < 60; i++)
      chats.write('19:busy@thread.v2', ana, `note ${i}`, at('2026-12-05T10:00', ZONE) + i * 60_000);
    chats.write('19:ana@unq.gbl.spaces', ana, 'one more', at('2026-12-05T12:00', ZONE));
    const listedBefore = chats.listings.length;
    // Monday 08:59: Graph asks to wait a second, then is out of reach.
    chats.plannedMessageAnswers.push(
      {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'TooManyRequests', message: 'Wait.' } },
      },
      { status: 503, body: { error: { code: 'serviceNotAvailable', message: 'Try later.' } } },
    );
    await readAt(w, '2026-12-07T08:59');
    expect(w.host.contacts.unread.join()).toMatch(/^Teams could not be read/);
    expect(w.host.contacts.state.teamsPass).toBeDefined();
    // Someone reacts at noon to one of Saturday's messages: it changed after the window, and still counts.
    const reacted = chats.chats.get('19:busy@thread.v2')!.messages[5]!;
    reacted.lastModifiedDateTime = new Date(at('2026-12-07T12:00', ZONE)).toISOString();
    // The next reading, at the day's end, goes on with the same window without listing the chats again.
    await readAt(w, '2026-12-07T17:35');
    const teams = w.host.contacts.state.contacts.filter((c) => c.channel === 'teamsChat');
    expect(teams).toHaveLength(61);
    expect(new Set(teams.map((c) => c.key)).size).toBe(61);
    expect(w.host.contacts.state.teamsPass).toBeUndefined();
    expect(w.host.contacts.unread).toEqual([]);
    expect(chats.listings).toHaveLength(listedBefore + 1);
    expect(chats.pollsWithinADay).toBe(0);
    // The busy chat's second page came a second or more after its first.
    const busy = w.graph.server.calls.filter((c) => c.path.includes(encodeURIComponent('19:busy@thread.v2')));
    expect(busy).toHaveLength(2);
    expect(busy[1]!.receivedAt! - busy[0]!.receivedAt!).toBeGreaterThanOrEqual(1_000);
  });

  it('Outlook: an answer from Sent Items, in the same conversation, says when the mail was answered', async () => {
    const w = await slackWorld();
    await w.connect('microsoft');
    await w.run('settings.update', { patch: { contactRecord: true } });
    await w.connect('microsoft');
    await readAt(w, '2026-12-04T19:00');
    const evening = w.graph.deliver({ name: 'Ana', address: 'ana@example.com' }, 'Numbers for Monday?');
    w.clock.advanceTo(at('2026-12-04T19:05', ZONE));
    const weekend = w.graph.deliver({ name: 'Kai', address: 'kai@example.com' }, 'Weekend thought');
    await readAt(w, '2026-12-04T19:20');
    // Ana's answered that evening; Kai's on Monday morning, in hours.
    w.clock.advanceTo(at('2026-12-04T21:40', ZONE));
    w.graph.reply(evening);
    await readAt(w, '2026-12-04T21:50');
    w.clock.advanceTo(at('2026-12-07T09:30', ZONE));
    w.graph.reply(weekend);
    await readAt(w, '2026-12-07T17:40');
    const mail = w.host.contacts.state.contacts.filter((c) => c.channel === 'outlookMail');
    expect(mail.map((c) => [c.from.name, c.answeredAt?.slice(0, 16), c.answeredOutside])).toEqual([
      ['Ana', '2026-12-04T21:40', true],
      ['Kai', '2026-12-07T09:30', false],
    ]);
    const sent = w.graph.server.calls.filter((c) => c.path.endsWith('/me/mailFolders/sentitems/messages'));
    // Only when, and in which conversation: never to whom, the subject or the text.
    expect(sent.at(-1)?.query.get('$select')).toBe('sentDateTime,conversationId');
    const list = await cli(w.dir, ['contacts', '--list'], {});
    expect(list.stdout).toContain('Ana  Answered outside your hours (2026-12-04 21:40)');
    expect(list.stdout).toContain('Kai  Left for your working hours; answered 2026-12-07 09:30');
  });
});
