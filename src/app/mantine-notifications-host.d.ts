/** The <Notifications> host by a name of its own (the alias in vite.config.ts says why). */
declare module '@mantine/notifications-host' {
  export { Notifications } from '@mantine/notifications';
}
