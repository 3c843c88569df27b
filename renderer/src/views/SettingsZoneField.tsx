import { isTimeZone } from '../../../shared/clockTime';

export const UNKNOWN_ZONE = 'Unknown time zone — try a city like Europe/Lisbon';

/** What is wrong with a zone typed into a picker, in Cadence's words; null when it is a known zone. */
export function zoneProblem(zone: string): string | null {
  return isTimeZone(zone.trim()) ? null : UNKNOWN_ZONE;
}

let zoneNames: string[] | null = null;

/** Every zone the browser knows, for the suggestions; UTC first-class even where it is not listed. */
function knownZones(): string[] {
  if (!zoneNames) {
    const listed = Intl.supportedValuesOf('timeZone');
    zoneNames = listed.includes('UTC') ? listed : [...listed, 'UTC'];
  }
  return zoneNames;
}

/**
 * A time-zone field: type a city or region and pick from the zones the browser knows. A stand-in
 * for the shared zone picker; the problem it shows comes from its parent (after a save).
 */
export function SettingsZoneField({
  id,
  label,
  value,
  problem,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  problem: string | null;
  onChange: (zone: string) => void;
}) {
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list={`${id}-zones`}
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Lisbon"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-zones`}>
        {knownZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {problem ? (
        <span id={problemId} className="field-error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
