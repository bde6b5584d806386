import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Text } from '@mantine/core';
import { formatNumber } from '../lib/format';
import { ApiError, errorMessage } from '../api/errors';

/** A way out of an error that is not "try the same again". */
export type ErrorAction = { label: string; onClick: () => void };

type Props = {
  error: unknown;
  title?: string;
  /** Shown only where retrying can help (no answer, a server error); never for a 4xx. */
  onRetry?: () => void;
  /** What the user can check, shown under the message. */
  hint?: React.ReactNode;
  /** Ways out that can work (instead of Retry), e.g. "Go to page 1", "Clear this filter". */
  actions?: readonly ErrorAction[];
};

/**
 * Whether sending the same request again can succeed. Not for "not signed in", "forbidden",
 * "not found" or "not allowed": those come back the same however often they are sent. A 400
 * can (Waldur answers 400 when it could not reach Keycloak), unless the page offers a way out
 * of the request itself (`actions`).
 */
export function canRetry(error: unknown): boolean {
  return !(error instanceof ApiError) || error.kind !== 'http' || ![401, 403, 404, 405].includes(error.status);
}

/**
 * The way out of a list request that the URL's parameters made impossible: a filter value the
 * server refuses (400 naming the filter) or a page that does not exist (404). `filters` maps
 * the server's query parameter names to the page's own (URL) names.
 */
export function urlProblem(
  error: unknown,
  {
    page,
    goToFirstPage,
    filters,
    clearFilters,
  }: { page: number; goToFirstPage: () => void; filters: Record<string, string>; clearFilters: (names: string[]) => void },
): { title: string; actions: ErrorAction[] } | null {
  if (!(error instanceof ApiError) || error.kind !== 'http') return null;
  const refused = Object.keys(error.fieldErrors).flatMap((field) => filters[field] ?? []);
  if (error.status === 400 && refused.length > 0) {
    const one = refused.length === 1;
    return {
      title: one ? t`This filter cannot be used` : t`These filters cannot be used`,
      actions: [{ label: one ? t`Clear this filter` : t`Clear these filters`, onClick: () => clearFilters(refused) }],
    };
  }
  if (error.isNotFound && page > 1) {
    const number = formatNumber(page);
    return { title: t`Page ${number} does not exist`, actions: [{ label: t`Go to page 1`, onClick: goToFirstPage }] };
  }
  return null;
}

const listStyle: React.CSSProperties = {
  margin: 0,
  paddingInlineStart: 'var(--mantine-spacing-lg)',
  fontSize: 'var(--mantine-font-size-sm)',
};

/**
 * One message as a sentence, several as a list (a plain one: the error alert is in the entry
 * chunk, and Mantine's List would be there only for this).
 */
function Messages({ messages }: { messages: string[] }) {
  if (messages.length === 1) return <Text size="sm">{messages[0]}</Text>;
  return (
    <ul style={listStyle}>
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

/** A failed request in place, as a sentence, with a Retry where retrying can help. */
export function ErrorAlert({ error, title, onRetry, hint, actions = [] }: Props) {
  const { t } = useLingui();
  const buttons: ErrorAction[] = [...actions];
  if (onRetry && actions.length === 0 && canRetry(error)) buttons.push({ label: t`Retry`, onClick: onRetry });
  const messages = error instanceof ApiError && error.formErrors.length > 1 ? error.formErrors : [errorMessage(error)];
  return (
    <Alert color="red" variant="light" title={title ?? defaultTitle(error)} role="alert">
      <Messages messages={messages} />
      {hint ? (
        <Text size="sm" mt="xs">
          {hint}
        </Text>
      ) : null}
      {buttons.length > 0 ? (
        <Group mt="sm">
          {buttons.map((button) => (
            <Button key={button.label} size="xs" variant="white" color="red" onClick={button.onClick}>
              {button.label}
            </Button>
          ))}
        </Group>
      ) : null}
    </Alert>
  );
}

/** Read while the alert renders (it re-renders with the language: `useLingui` in `ErrorAlert`). */
function defaultTitle(error: unknown): string {
  if (!(error instanceof ApiError)) return t`Something went wrong`;
  if (error.kind === 'network') return t`No connection`;
  if (error.kind === 'timeout') return t`No answer`;
  if (error.status === 403) return t`Not allowed`;
  if (error.status === 404) return t`Not found`;
  if (error.status >= 500) return t`Server error`;
  return t`Request failed`;
}

/** Form-level messages above the buttons (non_field_errors, bare lists, detail). */
export function FormErrors({ messages }: { messages: string[] }) {
  const { t } = useLingui();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t`Not saved`}>
      <Messages messages={messages} />
    </Alert>
  );
}
