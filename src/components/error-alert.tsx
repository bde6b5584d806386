import { Alert, Button, Group, List, Text } from '@mantine/core';
import { ApiError, errorMessage } from '../api/errors';

type Props = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** What the user can check, shown under the message. */
  hint?: React.ReactNode;
};

/** A failed request in place, as a sentence, with a Retry where retrying can help. */
export function ErrorAlert({ error, title, onRetry, hint }: Props) {
  const messages = error instanceof ApiError && error.formErrors.length > 1 ? error.formErrors : [errorMessage(error)];
  return (
    <Alert color="red" variant="light" title={title ?? defaultTitle(error)} role="alert">
      {messages.length > 1 ? (
        <List size="sm">
          {messages.map((message, index) => (
            <List.Item key={index}>{message}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{messages[0]}</Text>
      )}
      {hint ? (
        <Text size="sm" mt="xs">
          {hint}
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Retry
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}

function defaultTitle(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong';
  if (error.kind === 'network') return 'No connection';
  if (error.kind === 'timeout') return 'No answer';
  if (error.status === 403) return 'Not allowed';
  if (error.status === 404) return 'Not found';
  if (error.status >= 500) return 'Server error';
  return 'Request failed';
}

/** Form-level messages above the buttons (non_field_errors, bare lists, detail). */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="Not saved">
      {messages.length === 1 ? (
        <Text size="sm">{messages[0]}</Text>
      ) : (
        <List size="sm">
          {messages.map((message, index) => (
            <List.Item key={index}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
