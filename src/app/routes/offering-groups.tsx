import { Alert } from '@mantine/core';

// Placeholder until this page's feature lands (see the open issue that builds it).
export function Component() {
  return <Alert color="gray">This page is being built.</Alert>;
}
