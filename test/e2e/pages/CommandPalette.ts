import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd+K command palette. */
export class CommandPalette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  /** Opens the palette with Ctrl+K, types `query` and runs the first command that matches. */
  async run(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('combobox', { name: 'Command' }).fill(query);
    await expect(this.dialog.getByRole('option').first()).toContainText(query);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
