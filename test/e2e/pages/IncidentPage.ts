import { expect, type Locator, type Page } from '@playwright/test';

export type KeyTimeLabel = 'Impact started' | 'Detected' | 'Mitigated' | 'Recovered' | 'Resolved';

/** One incident: header, tabs and the overview form. */
export class IncidentPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get title(): Locator {
    return this.field('Title');
  }

  get summary(): Locator {
    return this.field('Summary');
  }

  get severity(): Locator {
    return this.field('Severity');
  }

  get status(): Locator {
    return this.field('Status');
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status', { name: 'Save status' });
  }

  async saved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async addTokens(label: string, values: string[]): Promise<void> {
    const input = this.field(label);
    for (const v of values) {
      await input.fill(v);
      await input.press('Enter');
    }
  }

  tokens(label: string): Locator {
    return this.page.getByRole('list', { name: `${label} list` }).getByRole('listitem');
  }

  async setZone(label: string, zone: string): Promise<void> {
    const input = this.field(label);
    await input.fill(zone);
    await input.press('Enter');
  }

  keyTime(label: KeyTimeLabel): Locator {
    return this.field(label);
  }

  /** The "read as" line under a key time (zone-labelled, then UTC). */
  keyTimeNote(label: KeyTimeLabel): Locator {
    return this.page
      .locator('.key-time')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('p');
  }

  duration(name: string): Locator {
    return this.page.locator('.duration').filter({ hasText: name }).locator('dd');
  }

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  get redoButton(): Locator {
    return this.page.getByRole('button', { name: 'Redo', exact: true });
  }

  async exportBundle(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export bundle' }).click();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: '← Incidents' }).click();
  }
}
