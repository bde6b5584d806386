import { Select, type SelectProps } from '@mantine/core';
import { useListOnUse } from './list-on-use';

/** Mantine's Select for long lists of filters (every resource, every resource project, a page of groups): see useListOnUse. */
export function LazyListSelect(props: SelectProps) {
  return <Select {...useListOnUse(props)} />;
}
