import { expect, type Locator, type Page } from '@playwright/test';
import { routeHash } from '../../../renderer/routing/route';

/** The incidents list (home screen). */
export class ListPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(`./${routeHash({ name: 'list' })}`);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.page.locator('html[data-ready="true"]').waitFor();
  }

  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'No incidents yet' });
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  row(title: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  titles(): Locator {
    return this.page.locator('.incident-link');
  }

  async newIncident(): Promise<void> {
    await this.page.getByRole('button', { name: 'New incident' }).first().click();
  }

  async open(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
  }

  async rename(title: string, next: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Rename' }).click();
    const input = this.page.getByLabel(`New title for ${title}`);
    await input.fill(next);
    await input.press('Enter');
  }

  async duplicate(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Duplicate' }).click();
  }

  async exportBundle(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Export bundle' }).click();
  }

  async delete(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Delete incident?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a bundle through the "Open bundle…" button and the file chooser. */
  async openBundle(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open bundle…' }).first().click();
    await (await chooser).setFiles(file);
  }
}
