import { Trans } from '@lingui/react/macro';
import { Button, Group } from '@mantine/core';

/** A dialog form's Cancel and submit; both wait while the form is saving (one click sends one request). */
export function FormButtons({ pending, onCancel, submitLabel }: { pending: boolean; onCancel: () => void; submitLabel: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        <Trans>Cancel</Trans>
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
