import { expect, type Locator, type Page } from '@playwright/test';
import { captureDownload } from '../fixtures';

/** The Review tab: status, review copies, conflicts and threads. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Review/ }).click();
    await expect(this.page.getByRole('region', { name: 'Review status' })).toBeVisible();
  }

  get status(): Locator {
    return this.page.getByRole('region', { name: 'Review status' }).locator('.status');
  }

  async setStatus(button: 'Mark in review' | 'Approve' | 'Back to draft' | 'Reopen review'): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Review status' })
      .getByRole('button', { name: button })
      .click();
  }

  /** Exports a review copy and returns the downloaded file. */
  async exportCopy(): Promise<{ name: string; text: string }> {
    return captureDownload(this.page, () =>
      this.page.getByRole('button', { name: 'Export review copy…' }).click(),
    );
  }

  async importCopy(file: { name: string; text: string }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import review copy…' }).click();
    await (
      await chooser
    ).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }

  get conflicts(): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: 'Keep mine' }) });
  }

  get threads(): Locator {
    return this.page.locator('.review-threads').getByRole('article');
  }

  get threadsHeading(): Locator {
    return this.page.getByRole('heading', { name: /^Threads/ });
  }

  filter(label: 'Unresolved only'): Locator {
    return this.page.getByRole('group', { name: 'Filter threads' }).getByLabel(label);
  }
}
