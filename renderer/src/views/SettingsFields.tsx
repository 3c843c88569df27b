import { type InputHTMLAttributes, useState } from 'react';
import { useTimeField } from './TimeField';

/** Problems by the path of the setting they are about ("lunch.minutes", "week.1.0.end"). */
export type Issues = Record<string, string>;

/** The first problem at a path or inside it ("focus.lengths" covers "focus.lengths.2"). */
export function problemAt(issues: Issues, path: string): string | null {
  return Object.entries(issues).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1] ?? null;
}

export const fieldId = (path: string): string => `setting-${path.replaceAll('.', '-')}`;
const problemId = (path: string): string => `${fieldId(path)}-problem`;

/** Ties an input to its problem for screen readers: marked invalid, described by the message. */
export function describedBy(problem: string | null, path: string) {
  return problem ? { 'aria-invalid': true, 'aria-describedby': problemId(path) } : {};
}

/** A problem said under its field. Not an alert of its own: the save bar announces that there are some. */
export function Problem({ problem, path }: { problem: string | null; path: string }) {
  return problem ? (
    <span id={problemId(path)} className="field-error">
      {problem}
    </span>
  ) : null;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

interface FieldProps<T> extends InputRest {
  label: string;
  path: string;
  issues: Issues;
  value: T;
  onChange: (value: T) => void;
}

export function TextField({ label, path, issues, value, onChange, ...input }: FieldProps<string>) {
  const problem = problemAt(issues, path);
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <input
        dir="auto"
        {...input}
        id={fieldId(path)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(problem, path)}
      />
      <Problem problem={problem} path={path} />
    </div>
  );
}

/** A time of day on the user's clock (see TimeField.tsx), with the setting's problem or its own. */
export function TimeSettingField({ label, path, issues, value, onChange }: FieldProps<string>) {
  const time = useTimeField(value, onChange);
  const problem = problemAt(issues, path) ?? time.problem;
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <input {...time.input} id={fieldId(path)} {...describedBy(problem, path)} />
      <Problem problem={problem} path={path} />
    </div>
  );
}

/** One of a few choices, each with its words. */
export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
}: {
  label: string;
  path: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <select id={fieldId(path)} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([option, words]) => (
          <option key={option} value={option}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A whole number; an emptied field is no number (NaN), so it is refused in words rather than taken as 0. */
export function NumberField({ value, onChange, ...rest }: FieldProps<number>) {
  return (
    <TextField
      {...rest}
      type="number"
      inputMode="numeric"
      value={Number.isNaN(value) ? '' : String(value)}
      onChange={(text) => onChange(text.trim() === '' ? Number.NaN : Number(text))}
    />
  );
}

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A comma-separated list. The text stays as typed ("25, ") while it means the list held; when the
 * list changes from elsewhere (discarded, saved), the field shows the list.
 */
export function ListField<T extends string | number>({
  value,
  onChange,
  item,
  ...rest
}: FieldProps<readonly T[]> & { item: (text: string) => T }) {
  const joined = value.join(', ');
  const [typed, setTyped] = useState(joined);
  const same = JSON.stringify(listOf(typed).map(item)) === JSON.stringify(value);
  return (
    <TextField
      {...rest}
      value={same ? typed : joined}
      onChange={(text) => {
        setTyped(text);
        onChange(listOf(text).map(item));
      }}
    />
  );
}
