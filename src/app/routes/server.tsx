import { ServerCapabilities } from '../../features/connection/server-capabilities';

export function Component() {
  return <ServerCapabilities />;
}
