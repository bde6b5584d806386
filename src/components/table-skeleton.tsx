import { useLingui } from '@lingui/react/macro';
import { Skeleton, Stack } from '@mantine/core';

export function TableSkeleton({ rows = 5, label }: { rows?: number; label?: string }) {
  const { t } = useLingui();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label ?? t`Loading`} role="status">
      <Skeleton height={34} />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  );
}
