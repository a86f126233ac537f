import type { Locator, Page } from '@playwright/test';

/** The Review tab's Sign-off section and the Publish button. */
export class SignOffPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: /^Sign-off/ });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: /^Sign-off/ });
  }

  /** One required reviewer's entry. */
  reviewer(name: string): Locator {
    return this.section.getByRole('listitem', { name: `Sign-off of ${name}` });
  }

  get history(): Locator {
    return this.section.locator('.signoff-history summary');
  }

  get publish(): Locator {
    return this.page
      .getByRole('region', { name: 'Review status' })
      .getByRole('button', { name: 'Publish', exact: true });
  }
}
