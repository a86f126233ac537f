import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateOrchestratorLines } from '../../scripts/generators/orchestrator-log';
import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';
import { incidentIdOf } from './pages/route';

/**
 * What an import stored for an incident, table by table (raw-record blocks included): rows without their ids and times of
 * storing (they differ by design), sorted (rows come back in id order).
 */
function stored(page: Page, incidentId: string): Promise<Record<string, string[]>> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const drop = new Set([
          'id',
          'incidentId',
          'importId',
          'eventIds',
          'importedAt',
          'createdAt',
          'updatedAt',
        ]);
        const open = indexedDB.open('rootline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['events', 'patterns', 'imports', 'densities', 'logBlocks'];
          const tx = open.result.transaction(names);
          const out: Record<string, string[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () => {
              out[name] = (all.result as { incidentId: string }[])
                .filter((r) => r.incidentId === id)
                .map((r) => JSON.stringify(r, (k, v: unknown) => (drop.has(k) ? undefined : v)))
                .sort();
            };
          }
          tx.oncomplete = () => resolve(out);
        };
      }),
    incidentId,
  );
}

test('a large log imported by a pool of workers stores what one worker stores', async ({
  page,
  list,
  incident,
}, testInfo) => {
  test.setTimeout(180_000);
  // ~12 MB, over the size from which a picked file is read in segments, with broken and swapped lines.
  const path = testInfo.outputPath('orchestrator.jsonl');
  const lines = [...generateOrchestratorLines({ lines: 30_000, malformed: 0.002, outOfOrder: 0.01 })];
  writeFileSync(path, lines.join('\n') + '\n');
  const segmentWorkers: string[] = [];
  page.on('request', (r) => {
    if (/segment\.worker/.test(r.url())) segmentWorkers.push(r.url());
  });
  await list.goto();

  const importWith = async (cores: number, title: string) => {
    await createIncident(list, incident, title);
    const id = incidentIdOf(page.url());
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await dialog.reportCores(cores);
    await page.getByRole('button', { name: 'Import logs…' }).first().click();
    await dialog.choose(path);
    await expect(dialog.fileRow('orchestrator.jsonl')).toContainText('detected: cloudevents', {
      timeout: 30_000,
    });
    await dialog.start();
    await expect(dialog.acceptButton).toBeVisible({ timeout: 120_000 });
    const summary = {
      counts: await dialog.dialog.getByLabel('Import counts').innerText(),
      findings: await dialog.dialog.getByRole('list', { name: 'Findings' }).innerText(),
      accept: await dialog.acceptButton.textContent(),
    };
    await dialog.acceptButton.click();
    await expect(dialog.dialog).toBeHidden({ timeout: 60_000 });
    await list.goto();
    return { summary, stored: await stored(page, id) };
  };

  const dialog = new ImportDialogPage(page);
  const one = await importWith(1, 'One core');
  expect(segmentWorkers).toEqual([]);
  const pool = await importWith(4, 'Four cores');
  expect(segmentWorkers.length).toBeGreaterThan(0);

  expect(one.summary.counts).toContain('30,000');
  expect(one.summary.findings).toContain('unstaged-rollout');
  expect(pool.summary).toEqual(one.summary);
  expect(one.stored.events!.length).toBeGreaterThan(10);
  for (const table of Object.keys(one.stored)) {
    expect(pool.stored[table], table).toEqual(one.stored[table]);
  }
});
