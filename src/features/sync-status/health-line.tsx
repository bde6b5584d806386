import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Anchor, Button, Group, Skeleton, Text } from '@mantine/core';
import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { remoteGroupQueries } from '../../api/group-queries';
import { formatTime } from '../../lib/format';
import { useOfferingRunning } from '../../lib/offering-runs';
import { whenIdle } from '../../lib/when-idle';
import { offeringHealth, readsOfQuery, type Drift, type KeycloakRead, type Reach } from './health';
import { syncStatusQueries } from './queries';
import type { SyncShow } from './sync-search';
import classes from './health-line.module.css';

/** At the latest this long after the line mounts, it asks for the sync status even if the page is still fetching. */
const START_AT_THE_LATEST_MS = 5000;

/**
 * Starts the line's own read once the page's first data has landed (nothing fetching, then an
 * idle moment), so that the sync status never competes with the first rows of a tab; a page
 * that keeps fetching gets it after START_AT_THE_LATEST_MS anyway.
 */
function useStartAfterPage(): boolean {
  const [started, setStarted] = useState(false);
  const fetching = useIsFetching();
  useEffect(() => {
    if (started || fetching > 0) return;
    return whenIdle(() => setStarted(true));
  }, [started, fetching]);
  useEffect(() => {
    if (started) return;
    const timer = window.setTimeout(() => setStarted(true), START_AT_THE_LATEST_MS);
    return () => window.clearTimeout(timer);
  }, [started]);
  return started;
}

type Props = {
  offeringUuid: string;
  /** The last connection test of this offering, as a read of Keycloak. */
  lastTest: KeycloakRead | null;
};

/**
 * One line on every tab of an offering: whether Keycloak could be read, when, and the drift
 * counts of the last sync status, each linked to its section of the Sync status tab. It says
 * only what Waldur answered: a check that failed or never ran is said as such, never "in sync".
 */
export function OfferingHealthLine({ offeringUuid, lastTest }: Props) {
  const started = useStartAfterPage();
  // Nor while an import or a members check runs: the sync status is one large answer that the
  // server takes long to build, and it held back their requests (bench figures 12, 13). It is
  // read when the run ends (an import marks it stale). "Check again" still reads it at once.
  const runGoingOn = useOfferingRunning(offeringUuid);
  // Until started, the line shows what the Sync status tab (or an earlier visit) already read.
  const status = useQuery({ ...syncStatusQueries.status(offeringUuid), enabled: started && !runGoingOn });
  // Observed, never fetched from here: the groups tab reads it for its link badges.
  const remote = useQuery({ ...remoteGroupQueries.all(offeringUuid), enabled: false });
  const health = offeringHealth({ status, otherReads: [...readsOfQuery(remote), lastTest] });
  const { t } = useLingui();
  const waiting = status.data === undefined && !status.error;

  return (
    <div className={classes.line} role="status" aria-label={t`Keycloak and sync status`} aria-busy={status.isFetching || undefined}>
      {waiting ? (
        <>
          <Skeleton height={10} width={10} circle aria-hidden="true" />
          <Text size="sm" c="dimmed" span>
            <Trans>Checking Keycloak…</Trans>
          </Text>
          <Skeleton height={14} width={220} aria-hidden="true" />
        </>
      ) : (
        <>
          <ReachText reach={health.reach} tone={toneOf(health.reach, health.drift)} />{' '}
          {health.forbidden ? (
            <Text size="sm" c="dimmed" span>
              <Trans>Groups not compared: only staff and the owners of the offering’s organization can see the sync status.</Trans>
            </Text>
          ) : health.drift ? (
            <DriftCounts
              offeringUuid={offeringUuid}
              drift={health.drift}
              // The counts' own time only when a later check failed: then they are older than what is known.
              sameTime={health.reach.state === 'reachable' || ('at' in health.reach && health.reach.at === health.drift.at)}
            />
          ) : (
            <Text size="sm" span>
              <Trans>Groups not compared</Trans>
            </Text>
          )}
          {health.forbidden ? null : (
            <>
              {' '}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => void status.refetch()}
                loading={status.isFetching}
                className={classes.again}
              >
                <Trans>Check again</Trans>
              </Button>
            </>
          )}
        </>
      )}
    </div>
  );
}

function toneOf(reach: Reach, drift: Drift | null): 'ok' | 'drift' | 'down' | 'unknown' {
  if (reach.state === 'unreachable') return 'down';
  if (reach.state !== 'reachable' || !drift) return 'unknown';
  return drift.localOnly + drift.remoteOnly > 0 ? 'drift' : 'ok';
}

function ReachText({ reach, tone }: { reach: Reach; tone: ReturnType<typeof toneOf> }) {
  const { t } = useLingui();
  // The dot repeats the words in colour; it sits inside the text so that it wraps with it.
  const dot = <span className={classes.dot} data-tone={tone} aria-hidden="true" />;
  if (reach.state === 'not-checked')
    return (
      <Text size="sm" fw={500} span>
        {dot}
        <Trans>Keycloak not checked</Trans>
      </Text>
    );
  const time = formatTime(reach.at);
  const label =
    reach.state === 'reachable'
      ? t`Keycloak reachable`
      : reach.state === 'unreachable'
        ? t`Keycloak not reachable`
        : t`Keycloak not checked: Waldur did not answer`;
  return (
    <Text size="sm" span>
      {dot}
      <Text span fw={500} inherit>
        {label}
      </Text>{' '}
      <Text span c="dimmed" inherit>
        {reach.state === 'no-answer' ? t`(tried at ${time})` : t`(checked at ${time})`}
      </Text>
    </Text>
  );
}

function DriftCounts({ offeringUuid, drift, sameTime }: { offeringUuid: string; drift: Drift; sameTime: boolean }) {
  const { t } = useLingui();
  const time = formatTime(drift.at);
  if (drift.synced + drift.localOnly + drift.remoteOnly === 0)
    return (
      <Text size="sm" span>
        {sameTime ? t`No groups on either side to compare` : t`No groups on either side to compare (at ${time})`}
      </Text>
    );
  const { synced, localOnly, remoteOnly } = drift;
  return (
    <Text size="sm" span>
      <Group gap={6} wrap="wrap" component="span" display="inline-flex">
        <CountLink offeringUuid={offeringUuid} show="synced" count={synced}>
          {plural(synced, { one: '# synced', other: '# synced' })}
        </CountLink>{' '}
        <span aria-hidden="true">·</span>{' '}
        <CountLink offeringUuid={offeringUuid} show="local" count={localOnly}>
          {plural(localOnly, { one: '# only in Waldur', other: '# only in Waldur' })}
        </CountLink>{' '}
        <span aria-hidden="true">·</span>{' '}
        <CountLink offeringUuid={offeringUuid} show="remote" count={remoteOnly}>
          {plural(remoteOnly, { one: '# only in Keycloak', other: '# only in Keycloak' })}
        </CountLink>
        {sameTime ? null : (
          <>
            {' '}
            <Text span c="dimmed" inherit>
              {t`(compared at ${time})`}
            </Text>
          </>
        )}
      </Group>
    </Text>
  );
}

/** A count that opens its section of the Sync status tab; a zero is plain text (nothing to open). */
function CountLink({ offeringUuid, show, count, children }: { offeringUuid: string; show: SyncShow; count: number; children: string }) {
  if (count === 0) return <span>{children}</span>;
  return (
    <Anchor component={Link} to={`/offerings/${offeringUuid}/sync?show=${show}`} inherit underline="always">
      {children}
    </Anchor>
  );
}
