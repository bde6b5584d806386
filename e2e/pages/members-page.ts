import type { Locator, Page } from '@playwright/test';
import { ListPage } from './list-page';

/** An offering's Members tab: a membership's row is "<username> in <group>". */
export class MembersPage extends ListPage {
  constructor(page: Page) {
    super(page, 'Members');
  }

  static url(offering: string, query = ''): string {
    return `/offerings/${offering}/members${query ? `?${query}` : ''}`;
  }

  member(username: string, group: string): Locator {
    return this.row(`${username} in ${group}`);
  }

  memberAction(username: string, group: string, action: 'Change group' | 'Remove'): Promise<void> {
    return this.rowAction(`${username} in ${group}`, action);
  }
}
