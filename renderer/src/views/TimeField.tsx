import { type InputHTMLAttributes, useId, useState } from 'react';
import { isHourMinute } from '../../../shared/clockTime';
import { readTypedTime, timeFormsText, timeOfDayText } from '../../../shared/clockWords';

/** What is wrong with a time typed (or held: "HH:MM" always reads), in words with the forms read; null for none. */
export function timeProblem(text: string): string | null {
  if (text.trim() === '' || readTypedTime(text) !== null) return null;
  return `Cadence cannot read "${text.trim()}" as a time: write it like ${timeFormsText()}.`;
}

/**
 * A time of day on the user's clock (Settings → Clock), typed in any form Cadence reads: "5:30 pm",
 * "17:30", "noon". Not <input type="time">: Chromium writes that one on the browser locale's clock, so
 * an en-US browser showed AM/PM under Cadence's 24-hour setting, and a 24-hour locale no AM/PM under 12.
 *
 * The value in and out is Cadence's own "HH:MM". Text that is no time reaches `onChange` as typed, so
 * that a form's own check (and the service's) refuses it rather than keeping the last good time; once
 * the field is left, the problem is said in words with the forms Cadence reads.
 */
export function useTimeField(
  value: string,
  onChange: (value: string) => void,
): {
  input: InputHTMLAttributes<HTMLInputElement>;
  problem: string | null;
  /** Whether the text is a time (or empty); when not, the problem is said now, as if the field was left. */
  check: () => boolean;
} {
  // What was typed, while it stands for the value the form holds (a reset from outside shows the new value).
  const [typed, setTyped] = useState<{ text: string; value: string } | null>(null);
  const [left, setLeft] = useState(false);
  const text =
    typed && typed.value === value ? typed.text : isHourMinute(value) ? timeOfDayText(value) : value;
  const unreadable = timeProblem(text) !== null;
  return {
    input: {
      type: 'text',
      inputMode: 'text',
      autoComplete: 'off',
      spellCheck: false,
      className: 'time-field',
      placeholder: timeOfDayText('09:00'),
      value: text,
      onChange: (event) => {
        const next = event.target.value;
        const read = next.trim() === '' ? '' : (readTypedTime(next) ?? next);
        setTyped({ text: next, value: read });
        setLeft(false);
        onChange(read);
      },
      // Left with a time read: written back on the user's clock ("5pm" → "5:00 PM").
      onBlur: () => {
        setLeft(true);
        if (!unreadable) setTyped(null);
      },
    },
    check: () => {
      setLeft(true);
      return !unreadable;
    },
    problem: left ? timeProblem(text) : null,
  };
}

type Rest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/** A time field with its problem said right after it, tied to it for screen readers. */
export function TimeField({
  value,
  onChange,
  ...rest
}: Rest & { value: string; onChange: (value: string) => void }) {
  const { input, problem } = useTimeField(value, onChange);
  const className = [rest.className, input.className].filter(Boolean).join(' ');
  const problemId = useId();
  const describedBy = [rest['aria-describedby'], problem ? problemId : null].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...rest}
        {...input}
        className={className}
        {...(problem ? { 'aria-invalid': true } : {})}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
      {problem ? (
        <span id={problemId} className="field-error">
          {problem}
        </span>
      ) : null}
    </>
  );
}
