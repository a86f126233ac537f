import { expect, type Locator, type Page } from '@playwright/test';

/** The Import logs dialog: files, progress, summary. */
export class ImportDialogPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import logs' });
  }

  /** Drops files on the window the way a user drags them from a file manager. */
  async drop(files: { name: string; text: string }[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name));
      return dt;
    }, files);
    await this.page.locator('body').dispatchEvent('dragover', { dataTransfer });
    await this.page.locator('body').dispatchEvent('drop', { dataTransfer });
    await expect(this.dialog).toBeVisible();
  }

  /** Drops one binary file (e.g. a zip), given as base64. */
  async dropBinary(name: string, base64: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        return dt;
      },
      { name, base64 },
    );
    await this.page.locator('body').dispatchEvent('dragover', { dataTransfer });
    await this.page.locator('body').dispatchEvent('drop', { dataTransfer });
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses a file on disk with the dialog's file chooser. */
  async choose(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.dialog.getByRole('button', { name: 'Choose files…' }).click(),
    ]);
    await chooser.setFiles(path);
  }

  /**
   * Makes the page report `cores` cores, as a machine with that many would: the next import
   * reads a large file with a segment worker per core besides the import worker's (one core:
   * the import worker alone).
   */
  async reportCores(cores: number): Promise<void> {
    await this.page.evaluate((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => n });
    }, cores);
  }

  /** Records whether the progress bar was ever shown (an import of a small file is quick). */
  async watchProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __sawProgress?: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress[aria-label="Import progress"]')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
  }

  async sawProgress(): Promise<boolean> {
    return this.page.evaluate(
      () => (window as unknown as { __sawProgress?: boolean }).__sawProgress === true,
    );
  }

  fileRow(name: string): Locator {
    return this.dialog.getByRole('listitem').filter({ hasText: name });
  }

  async start(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Import \d+ files?/ }).click();
  }

  get acceptButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Accept \d+ events?/ });
  }

  stat(label: string): Locator {
    return this.dialog.getByLabel('Import counts').locator('div').filter({ hasText: label }).locator('dd');
  }
}
