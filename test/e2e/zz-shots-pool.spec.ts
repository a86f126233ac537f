import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';

// Throwaway: screenshots of a pooled import's progress and summary (not committed).
for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    test(`shots ${scheme} ${w}`, async ({ page, list, incident }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await list.goto();
      await createIncident(list, incident, 'Pooled import');
      await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
      const dialog = new ImportDialogPage(page);
      await dialog.reportCores(4);
      await page.getByRole('button', { name: 'Import logs…' }).first().click();
      await dialog.choose('/work/wt/pool/.bench/orchestrator-330000.jsonl');
      await expect(dialog.fileRow('orchestrator-330000.jsonl')).toContainText('detected:', { timeout: 60_000 });
      await dialog.start();
      await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
      await page.waitForTimeout(3000);
      await page.screenshot({ path: `/tmp/shots-pool/progress-${scheme}-${w}.png` });
      await expect(dialog.acceptButton).toBeVisible({ timeout: 240_000 });
      await page.screenshot({ path: `/tmp/shots-pool/summary-${scheme}-${w}.png` });
    });
  }
}
