import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { fixesFor, type MemberFix } from './member-fixes';
import type { OfferingGroup } from '../../api/types';
import { DriftMemberCell, DriftWhatCell, FixButtons, useFixRunner } from './fix-results';
import type { MemberLine } from './member-lines';
import { isolate } from '../../lib/bidi';

type Props = {
  offeringUuid: string;
  group: OfferingGroup;
  lines: readonly MemberLine[];
  canManage: boolean;
  reread: () => Promise<unknown>;
};

/**
 * The lines of a group where Waldur and Keycloak disagree, each with its fix; several can be
 * selected and fixed together. After every run both sides are read again.
 */
export function DriftFixes({ offeringUuid, group, lines, canManage, reread }: Props) {
  const drift = useMemo(() => lines.filter((line) => line.kind !== 'in-sync'), [lines]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const fixer = useFixRunner(offeringUuid, reread);
  const { t } = useLingui();
  const selectedLines = drift.filter((line) => selected.has(line.key));
  const bulk = (pick: 'main' | 'other') =>
    selectedLines.flatMap((line) => {
      const fix = fixesFor(group, fixable(line))[pick];
      return fix ? [fix] : [];
    });
  const driftCount = drift.length;
  const selectedCount = selectedLines.length;
  const run = (fixes: MemberFix[]) => {
    setSelected(new Set());
    fixer.run(fixes);
  };

  if (drift.length === 0 && !fixer.panel) {
    return (
      <Text size="sm" c="teal">
        <Trans>Waldur and Keycloak agree on every member of this group.</Trans>
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm" component="section" aria-label={t`Differences and fixes`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4} size="h5">
            <Trans>Differences and fixes ({driftCount})</Trans>
          </Title>
          {selectedLines.length ? (
            <Group gap="xs">
              <Text size="sm">
                <Trans>{selectedCount} selected</Trans>
              </Text>
              <Button size="xs" disabled={!canManage || fixer.running} onClick={() => run(bulk('main'))}>
                <Trans>Fix selected</Trans>
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                disabled={!canManage || fixer.running || bulk('other').every((fix) => fix.kind !== 'remove')}
                onClick={() => run(bulk('other').filter((fix) => fix.kind === 'remove'))}
              >
                <Trans>Remove selected</Trans>
              </Button>
            </Group>
          ) : null}
        </Group>
        {fixer.panel}
        {drift.length ? (
          <Table layout="fixed" verticalSpacing={4} aria-label={t`Member differences`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label={t`Select every difference`}
                    checked={selectedLines.length === drift.length}
                    indeterminate={selectedLines.length > 0 && selectedLines.length < drift.length}
                    onChange={(event) => setSelected(event.currentTarget.checked ? new Set(drift.map((line) => line.key)) : new Set())}
                  />
                </Table.Th>
                <Table.Th>
                  <Trans>Member</Trans>
                </Table.Th>
                <Table.Th>
                  <Trans>What differs</Trans>
                </Table.Th>
                <Table.Th w={220}>
                  <Trans>Fix</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drift.map((line) => {
                const { main, other, why } = fixesFor(group, fixable(line));
                const shownName = isolate(line.username);
                return (
                  <Table.Tr key={line.key} aria-label={line.username}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t`Select ${shownName}`}
                        checked={selected.has(line.key)}
                        onChange={(event) => {
                          const next = new Set(selected);
                          if (event.currentTarget.checked) next.add(line.key);
                          else next.delete(line.key);
                          setSelected(next);
                        }}
                      />
                    </Table.Td>
                    <DriftMemberCell username={line.username} kind={line.kind} />
                    <DriftWhatCell line={line} why={why} />
                    <FixButtons
                      main={main}
                      other={other}
                      disabled={!canManage || fixer.running}
                      onRun={run}
                      fallback={
                        <Button
                          size="compact-xs"
                          variant="default"
                          disabled={fixer.running}
                          onClick={() => void reread()}
                          aria-label={t`Check ${shownName} again`}
                        >
                          <Trans>Check again</Trans>
                        </Button>
                      }
                    />
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function fixable(line: MemberLine) {
  return { ...line, kind: line.kind === 'in-sync' ? ('drift' as const) : line.kind };
}
