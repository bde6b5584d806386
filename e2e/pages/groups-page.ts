import type { Page } from '@playwright/test';
import { ListPage } from './list-page';

/** An offering's Groups tab: a group's row is found by its name (a button that opens the group). */
export class GroupsPage extends ListPage {
  constructor(page: Page) {
    super(page, 'Groups');
  }

  static url(offering: string, query = ''): string {
    return `/offerings/${offering}/groups${query ? `?${query}` : ''}`;
  }
}
