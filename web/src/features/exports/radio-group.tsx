import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  /** A line under the label, read as the radio's description. */
  hint?: string;
}

/** A fieldset of radio buttons: arrow keys move between them, the legend names the group. */
export function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: Array<RadioOption<T>>;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="radio-option">
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <p id={`${id}-${o.value}-hint`} className="hint">
              {o.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
