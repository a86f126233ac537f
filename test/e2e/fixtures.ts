import { test as base, expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';

/** Each test gets a fresh browser context (a new, empty profile) with page objects on it. */
export const test = base.extend<{ list: ListPage; incident: IncidentPage }>({
  list: async ({ page }, use) => {
    await use(new ListPage(page));
  },
  incident: async ({ page }, use) => {
    await use(new IncidentPage(page));
  },
});

export { expect };

/** Runs `action` and returns the file it downloaded, as text. */
export async function captureDownload(
  page: Page,
  action: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Creates an incident from the list and waits for its overview. */
export async function createIncident(list: ListPage, incident: IncidentPage, title: string): Promise<void> {
  await list.newIncident();
  await expect(incident.title).toBeVisible();
  await incident.title.fill(title);
  await incident.saved();
  await expect(incident.heading).toHaveText(title);
}
