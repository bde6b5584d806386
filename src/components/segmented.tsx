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
 * between the options), without its floating indicator. What it saves: Mantine's
 * SegmentedControl brings the FloatingIndicator, 2 KB gzip more before the first usable groups
 * row (~10 ms on the benchmark's slow link at 200 KB/s), which took that figure past its 160 KB
 * (161.2 KB in the run of 2026-12-07); and its forced layout as it mounts
 * (`updatePosition`) was 5–6% of the main thread's JS time before the first usable row.
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
