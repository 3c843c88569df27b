import { useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { starterTeamText } from '../../../shared/team/teamStarter';
import { teamProblemLine } from '../../../shared/team/teamWords';
import { offsetDayTime } from '../../../shared/words';
import { run, useCadence } from '../store/store';
import { type Issues, TextField } from './SettingsFields';

interface TeamSettingsProps {
  draft: Settings;
  saved: Settings;
  issues: Issues;
  update: (patch: Partial<Settings>) => void;
}

/** What Cadence made of the team file at the saved address: the team, when it was read, what is wrong. */
function TeamFileState() {
  const team = useCadence((s) => s.team);
  const address = useCadence((s) => s.settings?.team.address ?? null);
  const [reading, setReading] = useState(false);
  if (!team || !address || team.address !== address) return null;
  const read = async () => {
    setReading(true);
    await run('team.refresh');
    setReading(false);
  };
  return (
    <div className="team-file" aria-live="polite">
      {team.team ? (
        <>
          <p>
            Following <strong>{team.team.name ?? 'your team'}</strong>
            {team.readAt ? `, last read ${offsetDayTime(team.readAt)}` : ''}.
          </p>
          <ul className="team-summary">
            {team.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">
          {team.checkedAt ? 'No good copy of the team file yet.' : 'Reading the team file…'}
        </p>
      )}
      {team.error ? (
        <p className="error team-error" role="alert">
          {team.error}
          {team.checkedAt ? ` (tried ${offsetDayTime(team.checkedAt)})` : ''}
        </p>
      ) : null}
      {team.problems.length ? (
        <ul className="team-problems" aria-label="Problems in the team file">
          {team.problems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>{teamProblemLine(problem)}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={() => void read()} disabled={reading}>
        {reading ? 'Reading…' : 'Read the team file now'}
      </button>
    </div>
  );
}

/** Settings → Team: where the team's file is, what Cadence made of it, and a starter to share. */
export function TeamSettings({ draft, saved, issues, update }: TeamSettingsProps) {
  const [starter, setStarter] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!starter) return;
    try {
      await navigator.clipboard.writeText(starter);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <fieldset className="team-settings">
      <legend>Team</legend>
      <p className="lead">
        Your team can write its agreement once — core hours, what is urgent, quiet hours, the meeting-free
        day, how fast replies are expected — in one small file at any https address (or in a checkout of the
        team's repository). Cadence reads it at start and every few hours, and keeps the last good copy for
        when you are offline.
      </p>
      <TextField
        label="Team file address"
        path="team.address"
        issues={issues}
        value={draft.team.address ?? ''}
        placeholder="https://example.com/team.json"
        spellCheck={false}
        onChange={(text) => update({ team: { address: text.trim() ? text : null } })}
      />
      <TeamFileState />
      <button
        type="button"
        onClick={() => {
          setStarter(starterTeamText(saved));
          setCopied(false);
        }}
      >
        Write a team file from my settings
      </button>
      {starter ? (
        <div className="field team-starter">
          <label htmlFor="team-starter">A starter team file (share it, agree on it, publish it)</label>
          <textarea id="team-starter" readOnly rows={14} value={starter} spellCheck={false} />
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
