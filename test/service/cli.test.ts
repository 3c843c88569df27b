import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyIntents } from '../../shared/intents';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { everyDay, FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { fakeNotifySend } from '../fakes/fakeNotifySend';

afterEach(() => stopAllServices());

describe('the cadence CLI against the real headless service', () => {
  it('says the service is not running, and how to start it', async () => {
    const result = await cli(tempDir(), ['status']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Cadence is not running/);
    expect(result.stderr).toMatch(/cadence serve --data-dir/);
    // A typo is reported as one, before anything is asked of the service.
    const typo = await cli(tempDir(), ['teammates', 'add', 'Ana']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^teammates add needs a name and a time zone/);
  });

  it('starts focus, reports it as JSON with offsets, extends and stops it', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', {
      week: everyDay([{ start: '00:00', end: '23:59' }]),
      weekendDays: [],
    });
    await serve(dir);
    expect((await cli(dir, ['focus', '25'])).stdout).toMatch(/Focusing until/);
    const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as Record<string, unknown> & {
      focus: { startedAt: string; endsAt: string };
    };
    expect(status.mode).toBe('focus');
    expect(status).toHaveProperty('reason', 'focus');
    expect(status).toHaveProperty('timeZone', 'UTC');
    expect(status).toHaveProperty('nextWorkStart');
    expect(status.focus.endsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect(Date.parse(status.focus.endsAt) - Date.parse(status.focus.startedAt)).toBe(25 * 60_000);
    await cli(dir, ['focus', 'extend', '5']);
    const extended = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as typeof status;
    expect(Date.parse(extended.focus.endsAt) - Date.parse(extended.focus.startedAt)).toBe(30 * 60_000);
    expect((await cli(dir, ['focus', 'stop'])).code).toBe(0);
    const again = await cli(dir, ['focus', 'stop']);
    expect([again.code, again.stderr.trim()]).toEqual([1, 'No focus block is running.']);
    expect((await cli(dir, ['focus', 'banana'])).stderr).toMatch(/focus needs a whole number of minutes/);
  });

  it('closes the day with notes and shows the priorities on the next plan', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', {
      week: everyDay([{ start: '00:00', end: '23:59' }]),
      weekendDays: [],
    });
    await serve(dir);
    const closed = await cli(dir, [
      'shutdown',
      '--note',
      'Fixed login',
      '--priority',
      'Write tests',
      '--priority',
      'Ship v1',
    ]);
    expect(closed.stdout).toMatch(/Day closed(\.| .* early: .*\.) You are off until/);
    const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as {
      mode: string;
      reason: string;
    };
    expect([status.mode, status.reason]).toEqual(['off', 'dayClosed']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plan = JSON.parse((await cli(dir, ['plan', '--date', tomorrow, '--json'])).stdout) as {
      priorities: string[];
    };
    expect(plan.priorities).toEqual(['Write tests', 'Ship v1']);
  });

  it('writes times on the clock the user chose, and the plan in words', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', {
      week: everyDay([{ start: '00:00', end: '23:59' }]),
      weekendDays: [],
      locale: 'en-US',
      clock: '24h',
    });
    await serve(dir, { faketime: '2026-11-26 10:00:00', env: { TZ: 'UTC' } });
    const started = await cli(dir, ['focus', 'until', '23:58']);
    expect(started.stdout).toMatch(/^Focusing until 23:58\./);
    const plan = (await cli(dir, ['plan'])).stdout;
    expect(plan).toMatch(/^Thursday, November 26 \(UTC\)/);
    expect(plan).toMatch(/10:00–23:58 {2}focus, now/);
    expect(plan).not.toMatch(/\d{4}-\d\d-\d\d|AM|PM/);
    // The user changes their mind: the next command writes the 12-hour clock.
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), clock: '12h' }));
    expect((await cli(dir, ['status'])).stdout).toMatch(/^Focusing until 11:58 PM\./);
  });

  it('exports the daily totals as CSV on standard output, and says what a bad date should look like', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir, { faketime: '2026-11-26 10:00:00', env: { TZ: 'UTC' } });
    await cli(dir, ['focus', '25']);
    const csv = await cli(dir, ['export', '--from', '2026-11-25', '--to', '2026-11-26']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toEqual([
      'date,workday,focus_minutes,meeting_minutes,meetings,lunch_taken,after_hours_minutes,weekend_minutes,day_closed_at,closed_on_time,first_active,last_active,span_minutes,urgent',
      // Before Cadence first ran (the 26th): the day and whether it was a workday, the rest unknown.
      '2026-11-25,true,,,,,,,,,,,,',
      expect.stringMatching(/^2026-11-26,true,\d+,0,0,false,0,0,,,,,,false$/),
      '',
    ]);
    const bad = await cli(dir, ['export', '--from', 'last week']);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, '--from needs a date like 2026-03-09.']);
  });

  it('says when the after-hours nudge is due, answers it, and starts a planned block waiting for a click', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', {
      focusGoal: { ...FIVE_HOUR_GOAL, start: 'prompt' },
    });
    // Monday 23 November, the day closed at 17:35 and the computer in use since (as the watcher saw it).
    fs.writeFileSync(
      path.join(dir, 'intents.json'),
      JSON.stringify({
        ...emptyIntents(),
        shutdowns: [
          {
            date: '2026-11-23',
            completedAt: '2026-11-23T17:35:00.000Z',
            done: '',
            carryOver: '',
            priorities: [],
          },
        ],
        activity: [{ from: '2026-11-23T17:30:00.000Z', to: '2026-11-23T18:10:00.000Z' }],
        goalOffers: [{ key: 'goal:2026-11-24:0', startAt: '2026-11-24T09:00:00.000Z', plannedMinutes: 60 }],
      }),
    );
    await serve(dir, { faketime: '2026-11-23 18:10:00', env: { TZ: 'UTC' } });
    const status = (await cli(dir, ['status'])).stdout;
    expect(status).toMatch(
      /You're working after hours \(about 35 min\)\. Close it down\? cadence nudge close \| urgent\./,
    );
    expect((await cli(dir, ['nudge', 'urgent'])).stdout).toMatch(/^Noted as urgent/);
    expect((await cli(dir, ['status'])).stdout).not.toMatch(/after hours/);
    const again = await cli(dir, ['nudge', 'close']);
    expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/no after-hours nudge to answer/)]);
    expect((await cli(dir, ['nudge', 'later'])).stderr).toMatch(/use close or urgent/);
    const early = await cli(dir, ['goal', 'start']);
    expect(early.stderr).toMatch(/No planned focus block is waiting for you/);
    await stopAllServices();
    await serve(dir, { faketime: '2026-11-24 09:05:00', env: { TZ: 'UTC' } });
    expect((await cli(dir, ['status'])).stdout).toMatch(
      /Planned focus is waiting \(until 10:00( AM)?\): cadence goal start \| skip\./,
    );
    expect((await cli(dir, ['goal', 'start'])).stdout).toMatch(/^Focusing until 10:00( AM)?\./);
  });

  it('starts with a corrupt settings file, keeps it, and says so', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), 'not json at all');
    const service = await serve(dir);
    expect(service.output.join('')).toMatch(/settings file was not valid JSON/);
    const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as { problems: string[] };
    expect(status.problems[0]).toMatch(/kept as .*settings\.invalid-/);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('settings.invalid-'))).toBe(true);
  });

  it('names an organisation file it cannot use, and runs on without it', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'Cadence');
    fs.mkdirSync(dir);
    seedSettings(dir, 'UTC');
    fs.writeFileSync(
      path.join(parent, 'cadence-organisation.json'),
      JSON.stringify({ microsoft: { clientId: 'org-app', tenant: 'not a tenant' } }),
    );
    await serve(dir);
    const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as { problems: string[] };
    expect(status.problems).toContainEqual(
      `${path.join(parent, 'cadence-organisation.json')} is ignored: microsoft.tenant: "not a tenant" is not a Microsoft tenant: give its id (a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47), one of its domains (contoso.onmicrosoft.com), or common, organizations or consumers.`,
    );
    expect((await cli(dir, ['integrations'])).stdout).toContain(
      'Microsoft 365: not set up (cadence configure)',
    );
  });

  it('answers an impossible date with the field and what to type, not a stack trace', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir);
    for (const date of ['2026-13-01', '2026-02-30']) {
      const result = await cli(dir, ['plan', '--date', date]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`--date ${date} is not a real date. Give one like 2026-03-09.\n`);
    }
    expect((await cli(dir, ['status'])).code).toBe(0);
    expect(service.process.exitCode).toBeNull();
  });

  it('refuses a second service on the same data folder', async () => {
    const dir = tempDir();
    await serve(dir);
    await expect(serve(dir)).rejects.toThrow(/already running/);
  });
});

describe('the CLI reads what it is given literally', () => {
  it('takes minutes in decimal only, and shows hidden direction marks in names instead of obeying them', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir);
    for (const words of [
      ['focus', '0x10'],
      ['focus', '1e2'],
      ['lunch', 'start', '0b11'],
    ]) {
      const result = await cli(dir, words);
      expect(result.code, words.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/needs a whole number of minutes/);
    }
    const sneaky = 'Ana\u202Egnp.exe';
    await cli(dir, ['teammates', 'add', sneaky, 'Europe/Lisbon']);
    const listed = (await cli(dir, ['teammates'])).stdout;
    expect(listed).toContain('Ana\\u202egnp.exe');
    expect(listed).not.toContain('\u202E');
  });

  it('prints a priority holding escape sequences as visible text, never obeying them', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir);
    // ESC]0;… retitles the terminal, ESC[8m hides all that follows, CSI (U+009B) clears, U+202E reverses.
    const hostile = 'Ship\u001b]0;pwned\u0007 v2\u001b[8m\u009b2J\u202Eexe.txt';
    await cli(dir, ['shutdown', '--priority', hostile, '--priority', 'Line one\nLine two']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const plan = await cli(dir, ['plan', '--date', tomorrow]);
    expect(plan.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(plan.stdout).toContain(
      'Top priorities: 1. Ship\\u001b]0;pwned\\u0007 v2\\u001b[8m\\u009b2J\\u202eexe.txt  2. Line one\\nLine two',
    );
    // The rest of the answer is still there to read.
    expect(plan.stdout).toMatch(/working hours/);
    const json = await cli(dir, ['plan', '--date', tomorrow, '--json']);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect((JSON.parse(json.stdout) as { priorities: string[] }).priorities).toEqual([
      hostile,
      'Line one\nLine two',
    ]);
  });

  it("shows a bad file's snippet in the status as visible text, on its own line", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '\u001b]0;pwned\u0007\u001b[8m\n! All is well');
    const service = await serve(dir);
    const status = await cli(dir, ['status']);
    for (const output of [status.stdout, service.output.join('')]) {
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(output).toContain('\\u001b]0;pwned');
      expect(output).not.toMatch(/^! All is well/m);
    }
  });
});

describe('cadence notify', () => {
  it('says "Delivered" once notify-send showed it, with a body always, and a title like an option as text', async () => {
    const fake = fakeNotifySend();
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir, { env: { CADENCE_NOTIFIER: 'desktop', PATH: fake.env().PATH! } });
    const untitled = await cli(dir, ['notify', 'Deploy done']);
    expect([untitled.code, untitled.stdout.trim()]).toEqual([0, 'Delivered: you are working.']);
    // After the CLI's own "--", the helper's trailing --data-dir is a word too: it becomes the body.
    const sneaky = await cli(dir, ['notify', '--', '--wait'], { CADENCE_DATA_DIR: dir });
    expect([sneaky.code, sneaky.stdout.trim()]).toEqual([0, 'Delivered: you are working.']);
    // The day's own prompts (lunch) go through notify-send too; these are the two sent here.
    expect(fake.calls().filter((call) => ['Deploy done', '--wait'].includes(call[2]!))).toEqual([
      ['--app-name=Cadence', '--', 'Deploy done', 'From Cadence'],
      ['--app-name=Cadence', '--', '--wait', '--data-dir'],
    ]);
  });

  it('says a message was not shown, and why, when the desktop has no notification service', async () => {
    const fake = fakeNotifySend();
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    await serve(dir, {
      env: {
        CADENCE_NOTIFIER: 'desktop',
        ...(fake.env({
          FAKE_NOTIFY_EXIT: '1',
          FAKE_NOTIFY_STDERR: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
        }) as Record<string, string>),
      },
    });
    const sent = await cli(dir, ['notify', 'Deploy done', 'v2 is live']);
    expect(sent.stdout.trim()).toBe(
      'Not shown: no notification service answers in this session; notify-send said: Cannot autolaunch D-Bus without X11 $DISPLAY. (Cadence let it through: you are working.)',
    );
  });
});

describe('cadence connect', () => {
  it('opens the sign-in page in the system browser where there is a display, and always prints it', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    await serve(dir, {
      env: {
        CADENCE_SLACK_CLIENT_ID: 'my-app',
        CADENCE_SLACK_AUTHORIZE_URL: 'https://auth.example/authorize',
      },
    });
    const bin = tempDir('cadence-bin-');
    const opened = path.join(bin, 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, {
      mode: 0o755,
    });
    const withDisplay = await cli(dir, ['connect', 'slack'], {
      PATH: `${bin}:${process.env.PATH}`,
      DISPLAY: ':99',
      CADENCE_NO_BROWSER: '',
    });
    const url = withDisplay.stdout.trim().split('\n').at(-1)!;
    // What reaches another program's command line (readable by every local user in /proc) is the local
    // start page alone: never the service's address with its state.
    expect(url).toMatch(/^http:\/\/localhost:\d+\/cadence-sign-in\/[\w-]+$/);
    expect(url).not.toMatch(/state=|auth\.example/);
    expect(withDisplay.stdout).toMatch(/Your browser opens the sign-in page/);
    // The browser is handed a file of the user's own that passes it on: not even the start page's
    // one-time address is on a command line.
    const signInPage = path.join(dir, 'open-sign-in.html');
    await expect
      .poll(() => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8') : ''))
      .toBe(`file://${signInPage}`);
    expect(fs.statSync(signInPage).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(signInPage, 'utf8')).toContain(`content="0;url=${url}"`);
    const headless = await cli(dir, ['connect', 'slack'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(headless.stdout).toMatch(/^Open this address to sign in/);
  });
});
