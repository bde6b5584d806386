import { msg, plural, t as tGlobal } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, CloseButton, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { openConfirmModal } from '../../components/confirm';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate, useSearchParams } from 'react-router';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { TableSkeleton } from '../../components/table-skeleton';
import { formatNumber } from '../../lib/format';
import type { OfferingPermission } from '../../lib/offering-permission';
import { AssignRolesStep, countNotReady } from './assign-roles-step';
import { ChooseGroupsStep } from './choose-groups-step';
import { ImportStep } from './import-step';
import { ReviewStep, useReview } from './review-step';
import { showingWizard, startRun, stopRun } from './run-controller';
import { applyPreselection, goTo, hasUnsentChoices, pendingIds, STEP_LABELS, type Step, type WizardState } from './wizard-state';
import { useWizard, type WizardStore } from './wizard-store';

type Props = { offeringUuid: string; permission: OfferingPermission };

const STEP_DESCRIPTIONS = [
  msg`Remote groups to import`,
  msg`Role, resource, scope ID`,
  msg`Check before sending`,
  msg`Progress and results`,
];

/**
 * The import wizard: choose remote groups, give each a role, review, import. Its state lives
 * in a per-offering store (see wizard-store.ts): reloads, going back and forth and the sign-in
 * round trip keep it. Leaving with choices not sent asks first.
 */
export function ImportWizard({ offeringUuid, permission }: Props) {
  const { t } = useLingui();
  if (!permission.canManage) {
    return permission.reason ? (
      <Alert color="gray" title={t`You cannot import groups here`}>
        {permission.reason}
      </Alert>
    ) : (
      <TableSkeleton rows={4} label={t`Checking your permissions`} />
    );
  }
  return <Wizard offeringUuid={offeringUuid} />;
}

function Wizard({ offeringUuid }: { offeringUuid: string }) {
  const [state, update, store] = useWizard(offeringUuid);
  const queryClient = useQueryClient();
  const [showErrors, setShowErrors] = useState(false);
  const { t, i18n } = useLingui();
  const running = state.run.phase === 'running';
  // While a run goes on, its results are drawn in a deferred render that yields to the answers
  // coming in, so that they send the next requests at once (bench figure 12); it shows the run
  // as it was a moment earlier, never the state before it. Once it ends, the result at once.
  const deferred = useDeferredValue(state);
  const shown = running && deferred.run.phase === 'running' ? deferred : state;
  usePreselection(offeringUuid, state, update);
  useEffect(() => showingWizard(offeringUuid), [offeringUuid]);
  const leaving = useLeaveGuard(offeringUuid, store);

  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const resources = useQuery(offeringQueries.firstPageResources(offeringUuid));
  const { review } = useReview(offeringUuid, state, state.step === 2);

  const move = (step: Step) => {
    setShowErrors(false);
    update((current) => goTo(current, step), { saveNow: true });
    window.scrollTo({ top: 0 });
  };

  const next = () => {
    if (state.step === 0) move(1);
    else if (state.step === 1) {
      if (countNotReady(state, roles.data, resources.data) > 0 || !roles.data || !resources.data) setShowErrors(true);
      else move(2);
    }
  };

  const run = (which: 'all' | 'failed' | 'remaining') => void startRun(offeringUuid, which, queryClient);

  const cancel = () => {
    if (!hasUnsentChoices(state)) return leaving.leave();
    const unsent = pendingIds(state, 'all').length;
    openConfirmModal({
      title: t`Discard this import?`,
      children: (
        <Text size="sm">
          {plural(unsent, {
            one: '# chosen group has not been imported. Leaving discards the groups, roles and other choices you made here. Nothing has been sent for them.',
            other:
              '# chosen groups have not been imported. Leaving discards the groups, roles and other choices you made here. Nothing has been sent for them.',
          })}
        </Text>
      ),
      labels: { confirm: t`Discard and leave`, cancel: t`Stay` },
      confirmProps: { color: 'red' },
      onConfirm: () => leaving.leave(),
    });
  };

  const startOver = () => {
    const open = pendingIds(state, 'all').length;
    const reset = () => {
      store.reset();
      setShowErrors(false);
    };
    if (open === 0) return reset();
    openConfirmModal({
      title: t`Start a new import?`,
      children: (
        <Text size="sm">
          {plural(open, {
            one: '# group of this import is not imported yet (failed or not started). Starting over forgets it and this table of results. Groups already imported stay imported.',
            other:
              '# groups of this import are not imported yet (failed or not started). Starting over forgets them and this table of results. Groups already imported stay imported.',
          })}
        </Text>
      ),
      labels: { confirm: t`Start over`, cancel: t`Keep this import` },
      confirmProps: { color: 'red' },
      onConfirm: reset,
    });
  };

  const hasResults = Object.keys(state.results).length > 0;
  const canOpen = (step: number) => !running && step !== state.step && step <= state.visited && (step < 3 || hasResults);
  const remaining = pendingIds(state, 'remaining').length;
  const failed = pendingIds(state, 'failed').length;
  const toImport = pendingIds(state, 'all').length;
  const remainingText = formatNumber(remaining);
  const failedText = formatNumber(failed);
  const allDone = state.step === 3 && !running && hasResults && toImport === 0;
  useStepInUrl(
    state.step,
    (step) => canOpen(step),
    (step) => update((current) => goTo(current, step), { saveNow: true }),
    leaving.isLeaving,
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-wizard-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="import-wizard-title">
            <Trans>Import remote groups</Trans>
          </Title>
          <Text size="sm" c="dimmed">
            {plural(state.selected.length, { one: '# group chosen', other: '# groups chosen' })}
          </Text>
        </Group>
        <Stepper
          active={allDone ? STEP_LABELS.length : state.step}
          onStepClick={(step) => canOpen(step) && move(step as Step)}
          size="sm"
          allowNextStepsSelect={false}
        >
          {STEP_LABELS.map((label, index) => (
            <Stepper.Step
              key={index}
              label={i18n._(label)}
              description={i18n._(STEP_DESCRIPTIONS[index] ?? label)}
              allowStepSelect={canOpen(index)}
              loading={index === 3 && running}
            />
          ))}
        </Stepper>

        {state.notice && state.step < 3 ? (
          <Alert color="blue" variant="light" role="status" title={t`From the link you followed`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {state.notice}
              </Text>
              <CloseButton aria-label={t`Dismiss`} onClick={() => update((current) => ({ ...current, notice: null }))} />
            </Group>
          </Alert>
        ) : null}
        {state.step === 0 ? <ChooseGroupsStep offeringUuid={offeringUuid} state={state} update={update} /> : null}
        {state.step === 1 ? <AssignRolesStep offeringUuid={offeringUuid} state={state} update={update} showErrors={showErrors} /> : null}
        {state.step === 2 ? <ReviewStep offeringUuid={offeringUuid} state={state} update={update} onFix={() => move(1)} /> : null}
        {state.step === 3 ? <ImportStep offeringUuid={offeringUuid} state={shown} /> : null}

        <Group justify="space-between" wrap="wrap" gap="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="sm">
            {state.step < 3 ? (
              <Button variant="subtle" color="gray" onClick={cancel}>
                <Trans>Cancel</Trans>
              </Button>
            ) : running ? (
              <Button variant="default" color="red" onClick={() => stopRun(offeringUuid)}>
                <Trans>Stop import</Trans>
              </Button>
            ) : (
              <Button variant="subtle" color="gray" onClick={startOver}>
                <Trans>Start a new import</Trans>
              </Button>
            )}
          </Group>
          <Group gap="sm">
            {state.step > 0 && state.step < 3 ? (
              <Button variant="default" onClick={() => move((state.step - 1) as Step)}>
                <Trans>Back</Trans>
              </Button>
            ) : null}
            {state.step === 0 ? (
              <Button onClick={next} disabled={state.selected.length === 0}>
                <Trans>Next: Assign roles</Trans>
              </Button>
            ) : state.step === 1 ? (
              <Button onClick={next} disabled={state.selected.length === 0}>
                <Trans>Next: Review</Trans>
              </Button>
            ) : state.step === 2 ? (
              <Button onClick={() => run('all')} disabled={!review || review.errors > 0 || toImport === 0}>
                {review && review.toSend > 0 ? plural(review.toSend, { one: 'Import # group', other: 'Import # groups' }) : t`Import`}
              </Button>
            ) : !running ? (
              <>
                {toImport > 0 ? (
                  <Button variant="default" onClick={() => move(2)}>
                    <Trans>Back to review</Trans>
                  </Button>
                ) : null}
                {remaining > 0 ? (
                  <Button variant={failed > 0 ? 'default' : 'filled'} onClick={() => run('remaining')}>
                    {t`Resume import (${remainingText})`}
                  </Button>
                ) : null}
                {failed > 0 ? <Button onClick={() => run('failed')}>{t`Retry failed (${failedText})`}</Button> : null}
                {remaining === 0 && failed === 0 ? (
                  <Button
                    onClick={() => {
                      leaving.leave(`/offerings/${offeringUuid}/groups`);
                    }}
                  >
                    <Trans>Done</Trans>
                  </Button>
                ) : null}
              </>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/** `?select=<remote group id>` (repeatable), from the sync status page: preselect and move on. */
function usePreselection(offeringUuid: string, state: WizardState, update: WizardStore['update']) {
  const [params, setParams] = useSearchParams();
  const ids = params.getAll('select');
  const wanted = ids.length > 0;
  const remote = useQuery({ ...remoteGroupQueries.all(offeringUuid), enabled: wanted });
  const local = useQuery({ ...groupQueries.everyGroup(offeringUuid), enabled: wanted });
  const key = ids.join('\n');
  const running = state.run.phase === 'running';

  useEffect(() => {
    if (!key) return;
    const drop = () =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete('select');
          return next;
        },
        { replace: true },
      );
    if (running) return drop();
    if (!remote.data || !local.data) return;
    const groups = new Map(remote.data.map((group) => [group.id, { name: group.name, path: group.path }]));
    const linked = new Map(local.data.items.filter((group) => group.backend_id).map((group) => [group.backend_id, group.name]));
    update((current) => applyPreselection(current, key.split('\n'), groups, linked), { saveNow: true });
    drop();
  }, [key, remote.data, local.data, running, update, setParams]);
}

/**
 * Asks before leaving with choices not sent (or a run going on). Never stands in the way of
 * the session-expiry redirect to sign-in: the state is kept for the way back.
 */
/** The step in the URL (`?step=`), so that Back and Forward move between steps, not out of the wizard. */
const STEP_PARAMS = ['choose', 'roles', 'review', 'import'] as const;

function useStepInUrl(step: Step, canOpen: (step: Step) => boolean, open: (step: Step) => void, isLeaving: () => boolean) {
  const [params, setParams] = useSearchParams();
  const inUrl = STEP_PARAMS.indexOf(params.get('step') as (typeof STEP_PARAMS)[number]);
  const previous = useRef({ step, inUrl });
  const following = useRef<number | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { step, inUrl };
    // Leaving resets the wizard to its first step: that is not a step to put in the URL, and
    // writing it would navigate back into the wizard.
    if (isLeaving()) return;
    if (inUrl === step) {
      following.current = null;
      return;
    }
    // Already on its way to the step the URL asked for.
    if (following.current === inUrl) return;
    // The URL moved (Back, Forward, a link): follow it where that step can be opened.
    if (inUrl !== before.inUrl && inUrl >= 0 && canOpen(inUrl as Step)) {
      following.current = inUrl;
      open(inUrl as Step);
      return;
    }
    // The wizard moved (a new history entry), or the URL names no step it can show (replaced).
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('step', STEP_PARAMS[step]);
        return next;
      },
      { replace: before.step === step || inUrl < 0 },
    );
  }, [step, inUrl, canOpen, open, setParams, isLeaving]);
}

function useLeaveGuard(offeringUuid: string, store: WizardStore) {
  const navigate = useNavigate();
  const leavingOnPurpose = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leavingOnPurpose.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      nextLocation.pathname !== '/sign-in' &&
      hasUnsentChoices(store.get()),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const running = store.get().run.phase === 'running';
    const unsent = pendingIds(store.get(), 'all').length;
    let decided = false;
    openConfirmModal({
      title: running ? tGlobal`Stop the import and leave?` : tGlobal`Leave the import?`,
      children: (
        <Text size="sm">
          {running
            ? tGlobal`Groups being sent now finish; the rest are not started. You can resume later from this wizard.`
            : plural(unsent, {
                one: '# chosen group has not been imported. Leaving discards these choices.',
                other: '# chosen groups have not been imported. Leaving discards these choices.',
              })}
        </Text>
      ),
      labels: { confirm: running ? tGlobal`Stop and leave` : tGlobal`Discard and leave`, cancel: tGlobal`Stay` },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        decided = true;
        if (running) stopRun(offeringUuid);
        else store.reset();
        blocker.proceed();
      },
      onCancel: () => {
        decided = true;
        blocker.reset();
      },
      onClose: () => {
        if (!decided) blocker.reset();
      },
    });
  }, [blocker, offeringUuid, store]);

  const isLeaving = useCallback(() => leavingOnPurpose.current, []);

  return {
    isLeaving,
    /** Forgets the wizard and goes back where the user came from (or to `to`). */
    leave: (to?: string) => {
      leavingOnPurpose.current = true;
      store.reset();
      const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
      if (to) void navigate(to);
      else if (index > 0) void navigate(-1);
      else void navigate(`/offerings/${offeringUuid}/groups`);
    },
  };
}
