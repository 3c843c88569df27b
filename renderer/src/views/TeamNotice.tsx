import { run, useCadence } from '../store/store';

/** A change in the team's file, said once: shown until the member says they have seen it. */
export function TeamNotice() {
  const team = useCadence((s) => s.team);
  if (!team?.notice) return null;
  return (
    <div className="banner info team-notice" role="status">
      <span>
        {team.team?.name ?? 'Your team'} changed its agreement: {team.notice.lines.join('. ')}.
      </span>
      <button type="button" className="quiet small" onClick={() => void run('team.seen')}>
        Got it
      </button>
    </div>
  );
}
