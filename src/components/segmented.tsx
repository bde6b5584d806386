import { useId } from 'react';
import classes from './segmented.module.css';

type Props<T extends string> = {
  'aria-label': string;
  value: T;
  onChange: (value: T) => void;
  data: readonly { value: T; label: string }[];
};

/**
 * A choice of a few, as Mantine's SegmentedControl looks: a radio group (arrow keys move
 * between the options). Without its floating indicator, which measured the page as it mounted
 * (a forced layout of 30-40 ms on the groups tab's first render) and is not on the first
 * screen's scripts either.
 */
export function Segmented<T extends string>({ data, value, onChange, ...props }: Props<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={props['aria-label']} className={classes.root}>
      {data.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className={classes.control}>
            <input
              type="radio"
              className={classes.input}
              id={id}
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <label className={classes.label} htmlFor={id}>
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
