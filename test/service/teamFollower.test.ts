import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConf } from '../../main/core/confBackend';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import { DocumentStore } from '../../main/core/documentStore';
import { TEAM_READ_EVERY_MS, TeamFollower } from '../../main/core/teamFollower';
import { openTeamFollower, parseTeamState } from '../../main/core/teamStore';
import type { TeamState } from '../../shared/team/teamView';
import { HOUR } from '../../shared/clockTime';
import { TEAM_FILE_EXAMPLE } from '../../shared/team/teamExample';
import { setTimeWriting } from '../../shared/words';
import { FakeClock } from '../fakes/fakeClock';
import { tempDir } from '../fakes/serviceHarness';
import { TeamFileServer } from '../fakes/teamFileServer';

const START = Date.parse('2026-03-09T09:00:00Z');
const v1 = JSON.stringify(TEAM_FILE_EXAMPLE);
const v2 = JSON.stringify({
  ...TEAM_FILE_EXAMPLE,
  quiet: { ...TEAM_FILE_EXAMPLE.quiet, evenings: { from: '18:00', until: '08:00' } },
});

let server: TeamFileServer;
const opened: { dispose(): void }[] = [];
beforeEach(async () => {
  setTimeWriting('en-GB', '24h');
  server = await new TeamFileServer(v1).start();
});
afterEach(async () => {
  for (const item of opened.splice(0)) item.dispose();
  await server.close().catch(() => undefined);
});

/** A follower of the test server's file on a data folder, as the host opens it. */
function follow(
  dir = tempDir(),
  clock = new FakeClock(START),
  address: () => string | null = () => server.url,
) {
  const notifier = new MemoryNotifier();
  const team = openTeamFollower(dir, clock, openConf, address, notifier);
  opened.push(team);
  return { dir, clock, notifier, follower: team.follower };
}

describe('following the team file over HTTP (a real server on 127.0.0.1)', () => {
  it('reads it, then asks with its ETag: a 304 keeps the copy and says when it was read', async () => {
    const { follower, clock } = follow();
    const first = await follower.refresh();
    expect(server.conditions).toEqual([null]);
    expect(first).toMatchObject({
      address: server.url,
      error: null,
      readAt: '2026-03-09T09:00:00.000+00:00',
    });
    expect(first.team).toEqual(TEAM_FILE_EXAMPLE);
    expect(first.summary).toContain('Meeting-free day: Wednesday');
    clock.advance(HOUR);
    const again = await follower.refresh();
    expect(server.conditions[1]).toMatch(/^"[0-9a-f]{16}"$/);
    expect(again).toMatchObject({
      team: TEAM_FILE_EXAMPLE,
      readAt: '2026-03-09T10:00:00.000+00:00',
      notice: null,
    });
  });

  it('says a changed file once, in words, and on the desktop', async () => {
    const { follower, notifier } = follow();
    await follower.refresh();
    server.publish(v2);
    const changed = await follower.refresh();
    expect(changed.notice?.lines).toEqual(['Quiet hours now start at 18:00']);
    expect(changed.team?.quiet?.evenings?.from).toBe('18:00');
    expect(notifier.shown.map((n) => [n.title, n.message])).toEqual([
      ['Platform team changed its agreement', 'Quiet hours now start at 18:00'],
    ]);
    expect(follower.noticeSeen().notice).toBeNull();
    // Read again (unchanged), the change is not said a second time.
    expect((await follower.refresh()).notice).toBeNull();
    expect(notifier.shown).toHaveLength(1);
  });

  it('never lets a malformed file, a 404 or the network gone change the copy it follows', async () => {
    const { follower, dir, clock } = follow();
    await follower.refresh();
    const good = follower.view();
    server.publish('{ "name": "Platform team", "meetingFreeDay": "Wed" ');
    clock.advance(HOUR);
    const malformed = await follower.refresh();
    expect(malformed.team).toEqual(good.team);
    expect(malformed.readAt).toBe(good.readAt);
    expect(malformed.checkedAt).toBe('2026-03-09T10:00:00.000+00:00');
    expect(malformed.error).toMatch(
      /^The team file at .* has 1 problem: Cadence keeps following the last good copy/,
    );
    expect(malformed.problems[0]?.message).toMatch(/^not valid JSON/);

    server.publish('{ "name": "Platform team", "meetingFreeDay": "Wed" }');
    const invalid = await follower.refresh();
    expect(invalid.team).toEqual(good.team);
    expect(invalid.problems.map((p) => p.path)).toEqual(['meetingFreeDay']);

    server.publish(null);
    const missing = await follower.refresh();
    expect(missing.team).toEqual(good.team);
    expect(missing.error).toBe(
      `There is no team file at ${server.url} (the server answered 404): check the address with whoever publishes the file`,
    );
    expect(missing.problems).toEqual([]);

    await server.close();
    const offline = await follower.refresh();
    expect(offline.team).toEqual(good.team);
    expect(offline.error).toMatch(/^Could not reach .*: are you offline\? Cadence tries again later$/);

    // Offline, a restarted Cadence follows the copy it kept.
    opened.splice(0).forEach((item) => item.dispose());
    const reopened = follow(dir, clock).follower;
    expect(reopened.view()).toMatchObject({ team: good.team, readAt: good.readAt, error: offline.error });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'team.json'), 'utf8'))).toHaveProperty(
      'team.name',
      'Platform team',
    );
  });

  it('reads the file again every few hours by itself, on its clock', async () => {
    const { follower, clock } = follow();
    await follower.refresh();
    expect(server.requests).toBe(1);
    clock.advance(TEAM_READ_EVERY_MS - 1);
    expect(server.requests).toBe(1);
    server.publish(v2);
    clock.advance(1);
    await expect.poll(() => follower.view().notice?.lines).toEqual(['Quiet hours now start at 18:00']);
    expect(server.requests).toBe(2);
  });

  it('follows a file on disk (a checkout of the team repository), and stops when the address is removed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'checkout-team.json');
    fs.writeFileSync(file, v1);
    let address: string | null = file;
    const { follower } = follow(dir, new FakeClock(START), () => address);
    expect((await follower.refresh()).team?.name).toBe('Platform team');
    fs.writeFileSync(file, v2);
    expect((await follower.refresh()).notice?.lines).toEqual(['Quiet hours now start at 18:00']);
    address = null;
    follower.settingsChanged();
    expect(follower.view()).toMatchObject({ address: null, team: null, notice: null });
  });
});

describe('a new address while a read of the old one is under way', () => {
  it('lets the old read finish unused, then reads the new address', async () => {
    const dir = tempDir();
    let address = 'https://old.example.com/team.json';
    let release: () => void = () => undefined;
    const asked: string[] = [];
    const store = new DocumentStore<TeamState>({
      file: path.join(dir, 'team.json'),
      label: 'team file copy',
      parse: parseTeamState,
      open: () => openConf(dir, 'team'),
      now: () => START,
    });
    const follower = new TeamFollower({
      clock: new FakeClock(START),
      store,
      address: () => address,
      read: async (at) => {
        asked.push(at);
        if (at.startsWith('https://old.')) await new Promise<void>((resolve) => (release = resolve));
        return {
          kind: 'text',
          text: JSON.stringify({ name: at.startsWith('https://old.') ? 'Old' : 'New' }),
          etag: null,
        };
      },
    });
    opened.push(follower);
    const first = follower.refresh();
    address = 'https://new.example.com/team.json';
    follower.settingsChanged();
    release();
    await first;
    await expect.poll(() => follower.view().team?.name).toBe('New');
    expect(asked).toEqual(['https://old.example.com/team.json', 'https://new.example.com/team.json']);
  });
});

describe('the copy kept in the data folder', () => {
  it('is set aside, in words, when it cannot be trusted; the file is read again', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'team.json'), JSON.stringify({ team: { meetingFreeDay: 'someday' } }));
    const team = openTeamFollower(
      dir,
      new FakeClock(START),
      openConf,
      () => server.url,
      new MemoryNotifier(),
    );
    opened.push(team);
    expect(team.problems).toEqual([
      expect.stringMatching(
        /^Part of your team file copy could not be used \(the saved copy of the team file could not be used; Cadence reads the file again\)/,
      ),
    ]);
    expect(team.follower.view().team).toBeNull();
    expect((await team.follower.refresh()).team).toEqual(TEAM_FILE_EXAMPLE);
  });
});
