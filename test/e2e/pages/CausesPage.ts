import { expect, type Locator, type Page } from '@playwright/test';

/** The Root causes tab: outline, detail pane, views. */
export class CausesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Root causes', exact: true }).click();
    await expect(this.tree).toBeVisible();
  }

  view(name: 'Outline' | '5 whys' | 'Diagram' | 'Fishbone' | 'Analysis'): Locator {
    return this.page.getByRole('tablist', { name: 'Cause views' }).getByRole('tab', { name, exact: true });
  }

  get tree(): Locator {
    return this.page.getByRole('tree', { name: 'Cause tree' });
  }

  /** Every title input of the outline, in reading order. */
  get titles(): Locator {
    return this.tree.getByRole('textbox', { name: 'Cause title' });
  }

  row(title: string): Locator {
    return this.tree
      .getByRole('treeitem')
      .filter({ has: this.page.locator(`input[value="${title.replace(/"/g, '\\"')}"]`) });
  }

  titleInput(title: string): Locator {
    return this.row(title).getByRole('textbox', { name: 'Cause title' });
  }

  /** "depth:title" for every line of the outline. */
  async outline(): Promise<string[]> {
    return this.tree
      .getByRole('treeitem')
      .evaluateAll((rows) =>
        rows.map(
          (r) => `${Number(r.getAttribute('aria-level')) - 1}:${r.querySelector('input')?.value ?? ''}`,
        ),
      );
  }

  /** Types a title into the new (empty, focused) line, then waits until the outline shows it. */
  async typeTitle(text: string): Promise<void> {
    const focused = this.tree.locator('input.row-title:focus[value=""]');
    await expect(focused).toBeFocused();
    await focused.fill(text);
    await expect(this.titleInput(text)).toBeVisible();
  }

  /** Presses a key in a line's title. */
  async press(title: string, key: string): Promise<void> {
    await this.titleInput(title).press(key);
  }

  /** Presses a key that moves a line, then waits until the line sits at `depth` (0 = top). */
  async move(title: string, key: string, depth: number): Promise<void> {
    await this.press(title, key);
    await expect(this.row(title)).toHaveAttribute('aria-level', String(depth + 1));
    await expect(this.titleInput(title)).toBeFocused();
  }

  get detail(): Locator {
    return this.page.locator('section.cause-detail');
  }

  async select(title: string): Promise<void> {
    await this.titleInput(title).click();
    await expect(this.detail.getByRole('heading', { level: 2 })).toHaveText(title);
  }

  async setKind(title: string, kind: string): Promise<void> {
    await this.select(title);
    await this.detail.getByLabel('Kind').selectOption({ label: kind });
  }

  async setGate(title: string, gate: 'AND' | 'OR'): Promise<void> {
    await this.select(title);
    const radio = this.detail.getByRole('radio', {
      name: gate === 'AND' ? 'AND — all were needed' : 'OR — any was enough',
    });
    // The radio follows the stored value, which lands a moment after the click.
    await radio.click();
    await expect(radio).toBeChecked();
  }

  async setReview(title: string, state: 'Open' | 'Agreed' | 'Disputed'): Promise<void> {
    await this.select(title);
    const radio = this.detail.getByRole('radio', { name: state, exact: true });
    await radio.click();
    await expect(radio).toBeChecked();
  }

  async linkEvidence(title: string, search: string, eventTitle: string): Promise<void> {
    await this.select(title);
    await this.detail.getByRole('button', { name: 'Link evidence…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Link evidence' });
    await dialog.getByLabel('Search timeline events').fill(search);
    const box = dialog.getByRole('checkbox', { name: new RegExp(eventTitle) });
    await box.click();
    await expect(box).toBeChecked();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
  }

  get evidence(): Locator {
    return this.detail.getByRole('list', { name: 'Evidence' }).getByRole('listitem');
  }

  get diagramSvg(): Locator {
    return this.page.locator('.diagram-svg svg');
  }
}
