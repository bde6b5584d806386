// The simulated site agent (waldur-site-agent with the rancher-kc-crd backend) of Waldur 8.1
// offerings: filled in by the next commits.
import type { Core } from './handlers/context.ts';
import type { AccessState } from './model/access-8-1.ts';

export interface AgentReport {
  resources: number;
  reports: number;
}

export function runAgent(core: Core, access: AccessState): Promise<AgentReport> {
  void core;
  void access;
  return Promise.resolve({ resources: 0, reports: 0 });
}
