import { type Ref, useEffect, useId, useMemo, useState } from 'react';
import { canonicalZone } from '../../../shared/zoneNames';
import { resolveZone, searchZones, type ZoneIndex, zoneIndex } from '../../../shared/zoneSearch';
import './zonePicker.css';

let loaded: ZoneIndex | null = null;
let loading: Promise<ZoneIndex | null> | null = null;

/**
 * The places that find a zone by city or country (shared/zoneData/places.ts, some 35 KB) load
 * only when a zone field is first shown; zone names themselves are known without them.
 */
export function loadZoneIndex(): Promise<ZoneIndex | null> {
  loading ??= import('../../../shared/zoneData/places').then(
    (places) => (loaded = zoneIndex(places)),
    () => {
      loading = null; // tried again by the next field shown
      return null;
    },
  );
  return loading;
}

function useZoneIndex(): ZoneIndex | null {
  const [index, setIndex] = useState(loaded);
  useEffect(() => {
    if (index) return;
    let live = true;
    void loadZoneIndex().then((found) => live && setIndex(found));
    return () => {
      live = false;
    };
  }, [index]);
  return index;
}

/** What a zone field says when its text names no zone. */
export const UNKNOWN_ZONE = 'Unknown time zone — try a city like Europe/Lisbon';

/** What is wrong with a zone as typed, in Cadence's words; null when it names a zone under any of its names. */
export function zoneProblem(text: string): string | null {
  return canonicalZone(text) ? null : UNKNOWN_ZONE;
}

/**
 * The zone a field's text names, under the name Cadence stores ("Asia/Calcutta" → Asia/Kolkata,
 * "lisbon", "mumbai", "germany"), or null when it names none for sure.
 */
export function pickedZone(text: string): string | null {
  return resolveZone(text, loaded);
}

const SUGGESTIONS = 8;

/**
 * A time zone field that searches cities as you type ("new york" → America/New_York): an ARIA
 * combobox with a list of suggestions, chosen with the arrow keys and Enter, or by pointer.
 */
export function ZonePicker({
  label,
  value,
  onChange,
  error = null,
  required = false,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  /** Said by the field, and the field marked invalid. */
  error?: string | null;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const index = useZoneIndex();
  const options = useMemo(() => (index ? searchZones(value, index, SUGGESTIONS) : []), [value, index]);
  const shown = open && options.length > 0 && !(options.length === 1 && options[0]!.zone === value);
  const choose = (zone: string) => {
    onChange(zone);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((index) => (shown ? (index + step + options.length) % options.length : step > 0 ? 0 : -1));
    } else if (event.key === 'Enter' && shown && active >= 0) {
      event.preventDefault();
      choose(options[active]!.zone);
    } else if (event.key === 'Escape' && shown) {
      // closes the list only: the form around it keeps its own Escape
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className="zone-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        required={required}
        value={value}
        placeholder="City, e.g. Lisbon"
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" hidden={!shown}>
        {shown
          ? options.map(({ zone, place, country }, at) => (
              <li
                key={zone}
                id={`${id}-option-${at}`}
                role="option"
                aria-selected={at === active}
                // keeps the focus in the field, so that choosing does not blur it first
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(zone)}
              >
                <span>{country ? `${place}, ${country}` : place}</span> <span className="muted">{zone}</span>
              </li>
            ))
          : null}
      </ul>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
