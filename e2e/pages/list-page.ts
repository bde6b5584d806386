import type { Locator, Page } from '@playwright/test';

/**
 * A page built around one table of the app (groups, members, Rancher memberships, grants): rows
 * are found by what names them to a person, and acted on through their "Actions for …" menu.
 */
export class ListPage {
  constructor(
    readonly page: Page,
    /** The table's accessible name. */
    readonly tableName: string,
  ) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: this.tableName });
  }

  /**
   * The row named `label`: the one whose checkbox is "Select <label>" (selectable lists) or whose
   * button is "<label>" (a group's name, which opens it).
   */
  row(label: string): Locator {
    const names = this.page
      .getByRole('checkbox', { name: `Select ${label}`, exact: true })
      .or(this.page.getByRole('button', { name: label, exact: true }));
    return this.table.getByRole('row').filter({ has: names });
  }

  /** Opens the menu of the row named `label` (its button "Actions for <label>"). */
  async openRowMenu(label: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Actions for ${label}`, exact: true }).click();
    return this.page.getByRole('menu');
  }

  /** Chooses `action` in the menu of the row named `label`. */
  async rowAction(label: string, action: string | RegExp): Promise<void> {
    await (await this.openRowMenu(label)).getByRole('menuitem', { name: action }).click();
  }
}
