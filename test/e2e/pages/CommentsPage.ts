import { expect, type Locator, type Page } from '@playwright/test';

/** The comment threads of one target (cause detail, Review tab). */
export class CommentsPage {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {}

  /**
   * Posts a new thread, answering the one-time name question with `name` if it comes up, and
   * waits for a thread showing `shown` (the body as rendered from Markdown).
   */
  async comment(body: string, name?: string, shown: string = body): Promise<void> {
    await this.scope.getByRole('textbox', { name: 'New comment' }).fill(body);
    await this.scope.getByRole('button', { name: 'Comment', exact: true }).click();
    await this.answerName(name);
    await expect(this.thread(shown)).toBeVisible();
  }

  async answerName(name?: string): Promise<void> {
    if (name === undefined) return;
    const dialog = this.page.getByRole('dialog', { name: 'Your name for comments' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Save name' }).click();
    await expect(dialog).toBeHidden();
  }

  thread(text: string): Locator {
    return this.scope.getByRole('article').filter({ hasText: text });
  }

  async reply(threadText: string, body: string, name?: string): Promise<void> {
    const thread = this.thread(threadText);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByRole('textbox', { name: 'Reply' }).fill(body);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await this.answerName(name);
    await expect(thread.locator('.comment-body').filter({ hasText: body })).toBeVisible();
  }

  async resolve(threadText: string): Promise<void> {
    await this.thread(threadText).getByRole('button', { name: 'Resolve' }).click();
  }
}
