import { expect, type Page } from '@playwright/test';
import { ListPage } from './list-page';

/** An offering's Access tab (Waldur 8.1): a grant's row is "<username> as <role> on <scope>". */
export class AccessPage extends ListPage {
  constructor(page: Page) {
    super(page, 'Grants');
  }

  /** Opens the tab and waits until it says how many grants it read. */
  async open(offering: string, query = ''): Promise<void> {
    await this.page.goto(`/offerings/${offering}/access${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('status').filter({ hasText: /grants? on \d+ resources?/ })).toBeVisible();
  }

  grantAction(label: string, action: 'Change expiration' | 'Change role' | 'Revoke'): Promise<void> {
    return this.rowAction(label, action);
  }
}
