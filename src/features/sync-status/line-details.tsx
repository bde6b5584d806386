import { plural, t as tGlobal } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import type { OfferingGroup } from '../../api/types';
import { Bdi } from '../../components/bidi-text';
import { isolate, showControls } from '../../lib/bidi';
import { chosen, type LocalOnlyLine, type RemoteOnlyLine, type SyncedLine, type SyncLine } from './sync-lines';
import type { ListState } from './sync-actions';
import classes from './sync-status-view.module.css';

/** Called while rendering a component that uses useLingui (so it follows the language). */
function groupFacts(group: OfferingGroup): string {
  const resource = group.resource_name ? isolate(group.resource_name) : '';
  const scope = group.scope_id ? isolate(group.scope_id) : '';
  return [isolate(group.role_name), resource ? tGlobal`resource ${resource}` : tGlobal`no resource`, scope ? tGlobal`scope ${scope}` : null]
    .filter(Boolean)
    .join(' · ');
}

/** One line of a line's details, cut to the row's width; the title holds all of it. */
function Detail({ title, warning = false, children }: { title: string; warning?: boolean; children: React.ReactNode }) {
  return (
    <p className={warning ? `${classes.detail} ${classes.warning}` : classes.detail} title={showControls(title)}>
      {children}
    </p>
  );
}

function CandidatePicker<C>({
  lineId,
  candidates,
  choice,
  choose,
  label,
  valueOf,
  describe,
}: {
  lineId: string;
  candidates: readonly C[];
  choice: string | undefined;
  choose: (lineId: string, value: string) => void;
  label: string;
  valueOf: (candidate: C) => string;
  describe: (candidate: C) => string;
}) {
  const id = useId();
  const { t } = useLingui();
  const count = candidates.length;
  const description = plural(count, {
    one: '# group has this name; choose the one this line is about.',
    other: '# groups have this name; choose the one this line is about.',
  });
  return (
    <>
      <div className={classes.picker}>
        <label htmlFor={id} className={classes.pickerLabel}>
          {label}
        </label>
        <select
          id={id}
          className={classes.select}
          aria-describedby={`${id}-description`}
          value={choice ?? ''}
          onChange={(event) => choose(lineId, event.currentTarget.value)}
        >
          <option value="">{t`Choose…`}</option>
          {candidates.map((candidate) => {
            const value = valueOf(candidate);
            return (
              <option key={value} value={value}>
                {describe(candidate)}
              </option>
            );
          })}
        </select>
      </div>
      <Detail title={description}>
        <span id={`${id}-description`}>{description}</span>
      </Detail>
    </>
  );
}

/**
 * A line without a group: "not found" only once the list it is looked up in was fetched. Until
 * then it is being looked up; if the list failed, it is not known (the alert above says why).
 */
function NotFoundNote({ what, lookup }: { what: 'local' | 'linked-local' | 'keycloak'; lookup: ListState }) {
  const { t } = useLingui();
  const keycloak = what === 'keycloak';
  const text =
    lookup === 'pending'
      ? keycloak
        ? t`Looking up the Keycloak group…`
        : t`Looking up the local group…`
      : lookup === 'failed'
        ? keycloak
          ? t`Not known: the Keycloak groups could not be listed.`
          : t`Not known: the local groups could not be listed.`
        : keycloak
          ? t`No Keycloak group with this name in the lists just fetched. Refresh to check again.`
          : what === 'linked-local'
            ? t`No local group linked with this name in the lists just fetched. Refresh to check again.`
            : t`No local group with this name in the lists just fetched. Refresh to check again.`;
  return (
    <Detail title={text} warning={lookup !== 'pending'}>
      {text}
    </Detail>
  );
}

export type DetailsProps<L extends SyncLine> = {
  line: L;
  choice: string | undefined;
  choose: (id: string, value: string) => void;
  lookup: ListState;
};

export function SyncedDetails({ line, choice, choose, lookup }: DetailsProps<SyncedLine>) {
  const group = chosen(line.candidates, choice);
  const renamed = line.remoteName !== line.localName;
  const path = line.remote?.path;
  const { t } = useLingui();
  const shownId = line.backendId;
  // The title (a tooltip) in words; the paragraph shows the same with the names isolated.
  const idWords = t`id ${shownId}`;
  const keycloak = `Keycloak: ${renamed ? `“${line.remoteName}” · ` : ''}${path ? `${path} · ` : ''}${idWords}`;
  const facts = group ? groupFacts(group) : '';
  const waldur = group ? `Waldur: ${facts}` : '';
  return (
    <>
      <Detail title={keycloak}>
        Keycloak:{' '}
        {renamed ? (
          <>
            “<Bdi>{line.remoteName}</Bdi>” ·{' '}
          </>
        ) : null}
        {path ? (
          <>
            <Bdi>{path}</Bdi> ·{' '}
          </>
        ) : null}
        <Trans>
          id <code className={classes.code}>{shownId}</code>
        </Trans>
      </Detail>
      {group ? <Detail title={waldur}>{waldur}</Detail> : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="linked-local" />
    </>
  );
}

/** Several local groups could be the one a line names: the user picks; none found: said so. */
function LocalGroupChoice({
  line,
  choice,
  choose,
  lookup,
  notFound,
}: DetailsProps<SyncedLine | LocalOnlyLine> & { notFound: 'local' | 'linked-local' }) {
  const { t } = useLingui();
  if (line.candidates.length > 1) {
    return (
      <CandidatePicker
        lineId={line.id}
        candidates={line.candidates}
        choice={choice}
        choose={choose}
        label={t`Which local group?`}
        valueOf={(candidate) => candidate.uuid}
        describe={(candidate) => `${isolate(candidate.name)} · ${groupFacts(candidate)} · ${candidate.uuid.slice(0, 8)}`}
      />
    );
  }
  return line.candidates.length === 0 ? <NotFoundNote what={notFound} lookup={lookup} /> : null;
}

export function LocalDetails({ line, choice, choose, lookup }: DetailsProps<LocalOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const { t } = useLingui();
  const facts = group ? groupFacts(group) : '';
  const backendId = group?.backend_id ?? '';
  const linkWords = backendId ? t`linked to ${backendId}, which is not in Keycloak` : t`not linked`;
  return (
    <>
      {group ? (
        <Detail title={`${facts} · ${linkWords}`}>
          {facts}
          {backendId ? (
            <>
              {' · '}
              <Trans>
                linked to <code className={classes.code}>{backendId}</code>, which is not in Keycloak
              </Trans>
            </>
          ) : (
            ` · ${linkWords}`
          )}
        </Detail>
      ) : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="local" />
    </>
  );
}

export function RemoteDetails({ line, choice, choose, lookup }: DetailsProps<RemoteOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const { t } = useLingui();
  const subgroupCount = group?.sub_group_count ?? 0;
  const subgroups = subgroupCount ? ` · ${plural(subgroupCount, { one: '# subgroup', other: '# subgroups' })}` : '';
  const shownId = group?.id ?? '';
  return (
    <>
      {group ? (
        <Detail title={`${group.path} · ${t`id ${shownId}`}${subgroups}`}>
          <Bdi>{group.path}</Bdi> ·{' '}
          <Trans>
            id <code className={classes.code}>{shownId}</code>
          </Trans>
          {subgroups}
        </Detail>
      ) : null}
      {line.candidates.length > 1 ? (
        <CandidatePicker
          lineId={line.id}
          candidates={line.candidates}
          choice={choice}
          choose={choose}
          label={t`Which Keycloak group?`}
          valueOf={(candidate) => candidate.id}
          describe={(candidate) => {
            const shownId = candidate.id;
            return `${isolate(candidate.path || candidate.name)} · ${t`id ${shownId}`}`;
          }}
        />
      ) : line.candidates.length === 0 ? (
        <NotFoundNote what="keycloak" lookup={lookup} />
      ) : null}
    </>
  );
}
