import { useLingui } from '@lingui/react/macro';
import { Alert, Stack } from '@mantine/core';
import { isolate } from '../../lib/bidi';
import { lineName } from './line-row';
import type { DroppedAct } from './waiting-acts';

/** Clicks made before their line knew its group and then not carried out, each with the reason. */
export function WaitingNotes({ notes, dismiss }: { notes: readonly DroppedAct[]; dismiss: (note: DroppedAct) => void }) {
  const { t } = useLingui();
  if (notes.length === 0) return null;
  return (
    <Stack gap="xs">
      {notes.map((note) => {
        const name = isolate(lineName(note.line) || t`(no name)`);
        const text =
          note.kind === 'choose'
            ? t`Not done for “${name}”: several groups have this name. Choose one on its line, then click again.`
            : note.kind === 'not-found'
              ? t`Not done for “${name}”: no group with this name was found in the lists just read.`
              : t`Not done for “${name}”: the groups could not be listed to find it.`;
        return (
          <Alert
            key={`${note.lineId}-${note.act}`}
            color="yellow"
            variant="light"
            role="status"
            withCloseButton
            closeButtonLabel={t`Dismiss`}
            onClose={() => dismiss(note)}
          >
            {text}
          </Alert>
        );
      })}
    </Stack>
  );
}
