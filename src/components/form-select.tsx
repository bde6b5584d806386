import { Select, type SelectProps } from '@mantine/core';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues> = { control: Control<T>; name: Path<T> } & Omit<SelectProps, 'value' | 'onChange' | 'onBlur'>;

/** A Select bound to a react-hook-form field that holds a string ('' for none). */
export function FormSelect<T extends FieldValues>({ control, name, ...props }: Props<T>) {
  const {
    field: { value, onChange, onBlur, ref },
  } = useController({ control, name });
  return <Select {...props} value={(value as string) || null} onChange={(next) => onChange(next ?? '')} onBlur={onBlur} ref={ref} />;
}
