import { useId } from 'react';
import type { OfferingGroup } from '../../api/types';
import { Bdi } from '../../components/bidi-text';
import { isolate, showControls } from '../../lib/bidi';
import { chosen, type LocalOnlyLine, type RemoteOnlyLine, type SyncedLine, type SyncLine } from './sync-lines';
import type { ListState } from './sync-actions';
import classes from './sync-status-view.module.css';

function groupFacts(group: OfferingGroup): string {
  return [
    isolate(group.role_name),
    group.resource_name ? `resource ${isolate(group.resource_name)}` : 'no resource',
    group.scope_id ? `scope ${isolate(group.scope_id)}` : null,
  ]
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
  const description = `${candidates.length} groups have this name; choose the one this line is about.`;
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
          <option value="">Choose…</option>
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
function NotFoundNote({ what, lookup }: { what: 'local group' | 'local group linked' | 'Keycloak group'; lookup: ListState }) {
  const list = what === 'Keycloak group' ? 'Keycloak' : 'local';
  const text =
    lookup === 'pending'
      ? `Looking up the ${list} group…`
      : lookup === 'failed'
        ? `Not known: the ${list} groups could not be listed.`
        : `No ${what} with this name in the lists just fetched. Refresh to check again.`;
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
  const keycloak = `Keycloak: ${renamed ? `“${line.remoteName}” · ` : ''}${path ? `${path} · ` : ''}id ${line.backendId}`;
  const waldur = group ? `Waldur: ${groupFacts(group)}` : '';
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
        id <code className={classes.code}>{line.backendId}</code>
      </Detail>
      {group ? <Detail title={waldur}>{waldur}</Detail> : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="local group linked" />
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
}: DetailsProps<SyncedLine | LocalOnlyLine> & { notFound: 'local group' | 'local group linked' }) {
  if (line.candidates.length > 1) {
    return (
      <CandidatePicker
        lineId={line.id}
        candidates={line.candidates}
        choice={choice}
        choose={choose}
        label="Which local group?"
        valueOf={(candidate) => candidate.uuid}
        describe={(candidate) => `${isolate(candidate.name)} · ${groupFacts(candidate)} · ${candidate.uuid.slice(0, 8)}`}
      />
    );
  }
  return line.candidates.length === 0 ? <NotFoundNote what={notFound} lookup={lookup} /> : null;
}

export function LocalDetails({ line, choice, choose, lookup }: DetailsProps<LocalOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const facts = group ? groupFacts(group) : '';
  return (
    <>
      {group ? (
        <Detail title={`${facts} · ${group.backend_id ? `linked to ${group.backend_id}, which is not in Keycloak` : 'not linked'}`}>
          {facts}
          {group.backend_id ? (
            <>
              {' '}
              · linked to <code className={classes.code}>{group.backend_id}</code>, which is not in Keycloak
            </>
          ) : (
            ' · not linked'
          )}
        </Detail>
      ) : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="local group" />
    </>
  );
}

export function RemoteDetails({ line, choice, choose, lookup }: DetailsProps<RemoteOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const subgroups = group?.sub_group_count ? ` · ${group.sub_group_count} subgroups` : '';
  return (
    <>
      {group ? (
        <Detail title={`${group.path} · id ${group.id}${subgroups}`}>
          <Bdi>{group.path}</Bdi> · id <code className={classes.code}>{group.id}</code>
          {subgroups}
        </Detail>
      ) : null}
      {line.candidates.length > 1 ? (
        <CandidatePicker
          lineId={line.id}
          candidates={line.candidates}
          choice={choice}
          choose={choose}
          label="Which Keycloak group?"
          valueOf={(candidate) => candidate.id}
          describe={(candidate) => `${isolate(candidate.path || candidate.name)} · id ${candidate.id}`}
        />
      ) : line.candidates.length === 0 ? (
        <NotFoundNote what="Keycloak group" lookup={lookup} />
      ) : null}
    </>
  );
}
