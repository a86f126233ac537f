import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createIncident, expect, test } from './fixtures';
import type { ListPage } from './pages/ListPage';
import { incidentIdOf } from './pages/route';

/**
 * Issue 11, item 1: a shared bundle (or a row damaged in IndexedDB) must never blank the app.
 * Each case keeps a healthy incident visible and usable beside it.
 */
const BASE = readFileSync(new URL('../fixtures/bundles/v1-rich.rootline.json', import.meta.url), 'utf8');

type Row = Record<string, unknown>;
type Raw = { incident: Row; events: Row[]; actions: Row[] };

function bundle(title: string, change: (b: Raw) => void): Buffer {
  const b = JSON.parse(BASE) as Raw;
  b.incident.title = title;
  change(b);
  return Buffer.from(JSON.stringify(b));
}

async function open(list: ListPage, name: string, buffer: Buffer): Promise<void> {
  await list.goto();
  await list.openBundle({ name, mimeType: 'application/json', buffer });
}

/** The healthy incident is listed, opens, and takes an edit. */
async function healthyStillWorks(page: Page, list: ListPage): Promise<void> {
  await list.goto();
  await expect(list.row('Healthy incident')).toBeVisible();
  await page.getByRole('link', { name: 'Action items', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Action items', level: 1 })).toBeVisible();
  await list.goto();
  await list.rename('Healthy incident', 'Healthy incident, renamed');
  await expect(list.row('Healthy incident, renamed')).toBeVisible();
  await list.rename('Healthy incident, renamed', 'Healthy incident');
  await list.open('Healthy incident');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('the three bricking bundles leave a healthy incident visible and usable', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Healthy incident');

  await open(
    list,
    'mars.rootline.json',
    bundle('Mars zone', (b) => {
      b.incident.displayZone = 'Mars/Olympus';
    }),
  );
  const repaired = page.getByRole('alertdialog', { name: 'mars.rootline.json was repaired' });
  await expect(repaired).toContainText(
    '"Mars/Olympus" is not a time zone this app knows; times are shown in UTC',
  );
  await repaired.getByRole('button', { name: 'OK' }).click();
  for (const tab of ['Overview', 'Timeline', 'Root causes', 'Action items', 'Document', 'Review']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.locator('.error-box')).toHaveCount(0);
  }

  for (const [name, at] of [
    ['past-range.rootline.json', 8.64e15 + 1],
    ['max-safe.rootline.json', Number.MAX_SAFE_INTEGER],
  ] as const) {
    await open(
      list,
      name,
      bundle(name, (b) => {
        b.events[0]!.at = at;
      }),
    );
    const refused = page.getByRole('alertdialog', { name: `Could not open ${name}` });
    await expect(refused).toContainText('events[0].at: a time must be within the JavaScript date range');
    await refused.getByRole('button', { name: 'OK' }).click();
  }

  await page.reload();
  await healthyStillWorks(page, list);
  await list.goto();
  await expect(list.titles()).toHaveText(['Healthy incident', 'Mars zone']);
});

test('rows damaged in IndexedDB are named with Export raw and Delete; the rest still shows', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Healthy incident');
  const healthyId = incidentIdOf(page.url());
  await incident.backToList();
  const raw = JSON.parse(BASE) as Raw;
  await page.evaluate(
    async ({ inc, action, healthyId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['incidents', 'actions'], 'readwrite');
      tx.objectStore('incidents').put({
        ...inc,
        id: 'BAD-ZONE',
        title: 'Mars base',
        displayZone: 'Mars/Olympus',
      });
      tx.objectStore('incidents').put({
        ...inc,
        id: 'BAD-TIME',
        title: 'Far future',
        updatedAt: Number.MAX_SAFE_INTEGER,
      });
      tx.objectStore('actions').put({
        ...action,
        id: 'BAD-DUE',
        incidentId: healthyId,
        title: 'Bad due date',
        dueDate: '2026-99-99',
        status: 'open',
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { inc: raw.incident, action: raw.actions[0], healthyId },
  );
  await page.reload();
  await list.waitReady();
  const mars = page.getByRole('alert').filter({ hasText: 'Incident “Mars base” is damaged' });
  await expect(mars).toContainText('displayZone: unknown time zone');
  await expect(page.getByRole('alert').filter({ hasText: 'Incident “Far future” is damaged' })).toBeVisible();
  await expect(list.row('Healthy incident')).toBeVisible();

  const download = page.waitForEvent('download');
  await mars.getByRole('button', { name: 'Export raw' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mars-base.raw.json');

  await mars.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('alertdialog', { name: 'Delete damaged incident?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(mars).toBeHidden();

  await page.getByRole('link', { name: 'Action items', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Action item “Bad due date” is damaged' }),
  ).toBeVisible();
  await healthyStillWorks(page, list);
});
