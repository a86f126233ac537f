import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Action items tab of one incident. */
export class ActionsPage {
  constructor(readonly page: Page) {}

  get addInput(): Locator {
    return this.page.getByLabel('New action item', { exact: true });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Action items' });
  }

  /** The table row of an item, found by its title field's stored text (a wrapping textarea). */
  row(title: string): Locator {
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.table.locator('tr.action-row').filter({
      has: this.page.locator('textarea[aria-label="Title"]', { hasText: exact }),
    });
  }

  titles(): Locator {
    return this.table.locator('tr.action-row textarea[aria-label="Title"]');
  }

  /** Types a title and presses Enter (the keyboard path). */
  async add(title: string): Promise<void> {
    await this.addInput.fill(title);
    await this.addInput.press('Enter');
    await expect(this.row(title)).toBeVisible();
  }

  field(what: 'Owner' | 'Priority' | 'Type' | 'Due date' | 'Status' | 'Ticket', title: string): Locator {
    return this.page.getByLabel(`${what} of ${title}`, { exact: true });
  }

  async setText(what: 'Owner' | 'Ticket' | 'Due date', title: string, value: string): Promise<void> {
    const input = this.field(what, title);
    await input.fill(value);
    await input.press('Enter');
  }

  async setStatus(title: string, status: 'Open' | 'In progress' | 'Done' | 'Won’t do'): Promise<void> {
    await this.field('Status', title).selectOption({ label: status === 'Won’t do' ? "Won't do" : status });
  }

  async setDescription(title: string, text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Show details of ${title}` }).click();
    const box = this.page.getByLabel('Description (Markdown)');
    await box.fill(text);
    await box.blur();
    await this.page.getByRole('button', { name: `Hide details of ${title}` }).click();
  }

  async linkCauses(title: string, causes: string[]): Promise<void> {
    await this.page.getByRole('button', { name: `Link causes to ${title}` }).click();
    const dialog = this.page.getByRole('dialog');
    for (const c of causes) await dialog.getByRole('checkbox', { name: c }).check();
    await dialog.getByRole('button', { name: 'Save links' }).click();
    await expect(dialog).toBeHidden();
  }

  get uncovered(): Locator {
    return this.page.getByRole('list', { name: 'Causes without an action item' }).getByRole('listitem');
  }

  get coverage(): Locator {
    return this.page.getByRole('region', { name: 'Cause coverage' });
  }

  async addForCause(cause: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add action item for ${cause}` }).click();
  }

  filter(name: 'status' | 'owner' | 'priority'): Locator {
    return this.page.getByLabel(`Filter by ${name}`);
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    return download;
  }

  async importCsv(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import statuses…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import statuses from CSV' });
  }
}
