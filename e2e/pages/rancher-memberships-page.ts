import type { Locator, Page } from '@playwright/test';
import { ListPage } from './list-page';

/** The Rancher memberships page: a membership's row is "<username> in <Cluster|Project> <name>". */
export class RancherMembershipsPage extends ListPage {
  constructor(page: Page) {
    super(page, 'Rancher memberships');
  }

  static url(query = ''): string {
    return `/rancher-memberships${query ? `?${query}` : ''}`;
  }

  membership(username: string, scope: string): Locator {
    return this.row(`${username} in ${scope}`);
  }

  membershipAction(username: string, scope: string, action: 'Edit' | 'Delete' | 'Move to another scope or role'): Promise<void> {
    return this.rowAction(`${username} in ${scope}`, action);
  }
}
