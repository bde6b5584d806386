import { notifications } from '@mantine/notifications';
import { verdictText, type AccessLevel, type AccessVerdict } from './access-verdicts';

const COLOR: Record<AccessLevel, string> = { confirmed: 'teal', 'still-granted': 'red', unchecked: 'orange', failed: 'red' };

/**
 * A removal's outcome as a notification: what each side did, and the fix when Keycloak still
 * grants access or could not be checked. Those stay until dismissed.
 */
export function notifyVerdict(verdict: AccessVerdict) {
  notifications.show({
    color: COLOR[verdict.level],
    title: verdict.title,
    message: verdictText(verdict),
    autoClose: verdict.level === 'confirmed' ? undefined : false,
  });
}
