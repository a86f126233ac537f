import { expect, test, type Page } from '@playwright/test';
import { ActionsPage } from './pages/ActionsPage';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';
import { routeHash } from '../../renderer/routing/route';
import { incidentIdOf } from './pages/route';

const CAUSE_A = 'Connection pool exhausted after config push';
const CAUSE_B = 'No alert on pool saturation';

/** Writes cause nodes straight into the app's IndexedDB store (as a bundle import would). */
async function seedCauses(page: Page, incidentId: string): Promise<void> {
  await page.evaluate(
    async ({ incidentId, a, b }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      const node = (id: string, parentId: string | null, kind: string, title: string, order: number) => ({
        id,
        incidentId,
        parentId,
        order,
        kind,
        gate: 'OR',
        title,
        detail: '',
        category: null,
        evidenceEventIds: [],
        reviewState: 'open',
        createdAt: now,
        updatedAt: now,
      });
      const tx = db.transaction('causes', 'readwrite');
      const store = tx.objectStore('causes');
      store.put(node(`${incidentId}-top`, null, 'incident', 'Checkout outage', 0));
      store.put(node(`${incidentId}-a`, `${incidentId}-top`, 'root-cause', a, 1));
      store.put(node(`${incidentId}-b`, `${incidentId}-top`, 'detection-gap', b, 2));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { incidentId, a: CAUSE_A, b: CAUSE_B },
  );
}

async function newIncidentWithCauses(page: Page, title: string): Promise<string> {
  const list = new ListPage(page);
  await list.goto();
  await list.newIncident();
  await page.waitForURL(/#\/incident\//);
  const incident = new IncidentPage(page);
  await incident.title.fill(title);
  await incident.saved();
  const id = incidentIdOf(page.url());
  await seedCauses(page, id);
  await page.goto(`./${routeHash({ name: 'incident', id, tab: 'actions' })}`);
  await page.reload();
  await list.waitReady();
  return id;
}

test('add, link to causes, mark done, see coverage and the cross-incident view', async ({ page }) => {
  await newIncidentWithCauses(page, 'Checkout outage');
  const actions = new ActionsPage(page);
  await expect(actions.uncovered).toHaveCount(2);

  await actions.add('Add alert on DB pool saturation');
  await actions.setText('Owner', 'Add alert on DB pool saturation', 'ana');
  await actions.linkCauses('Add alert on DB pool saturation', [CAUSE_B]);
  await expect(actions.row('Add alert on DB pool saturation')).toContainText(CAUSE_B);
  await expect(actions.uncovered).toHaveCount(1);
  await expect(actions.uncovered.first()).toContainText(CAUSE_A);

  // From the cause's side: the coverage list adds an item already linked to it.
  await actions.addForCause(CAUSE_A);
  await expect(actions.row(`Address: ${CAUSE_A}`)).toContainText(CAUSE_A);
  await expect(actions.coverage).toContainText('Every actionable cause has at least one action item');

  // Overdue rows stand out and say so in words.
  await actions.setText('Due date', 'Add alert on DB pool saturation', '2020-01-02');
  await expect(actions.row('Add alert on DB pool saturation')).toHaveClass(/action-overdue/);
  await expect(actions.row('Add alert on DB pool saturation')).toContainText(/overdue by \d+ years/);

  // Undo through the app's undo manager.
  await actions.field('Priority', 'Add alert on DB pool saturation').selectOption('P0');
  await expect(actions.field('Priority', 'Add alert on DB pool saturation')).toHaveValue('P0');
  await new IncidentPage(page).undoButton.click();
  await expect(actions.field('Priority', 'Add alert on DB pool saturation')).toHaveValue('P2');

  // Done: the completion date fills in; won't do of the other item needs a reason.
  await actions.setStatus(`Address: ${CAUSE_A}`, 'Done');
  await expect(actions.field('Status', `Address: ${CAUSE_A}`)).toHaveValue('done');
  await actions.filter('status').selectOption({ label: 'Open or in progress' });
  await expect(actions.titles()).toHaveCount(1);
  await actions.filter('status').selectOption({ label: 'Any status' });
  await expect(actions.titles()).toHaveCount(2);

  // Incidents list counts, then the cross-incident view.
  await page.getByRole('link', { name: 'Action items', exact: true }).click();
  const view = page.getByRole('region', { name: /ana: 1 open/ });
  await expect(view).toBeVisible();
  await expect(view.getByRole('link', { name: 'Add alert on DB pool saturation' })).toBeVisible();
  await expect(view.locator('tr.action-overdue')).toHaveCount(1);
  await page.getByRole('radio', { name: 'By incident' }).click();
  await expect(page.getByRole('region', { name: /Checkout outage: 1 open/ })).toBeVisible();

  await new ListPage(page).goto();
  await expect(new ListPage(page).row('Checkout outage')).toContainText('1 open');
  await expect(new ListPage(page).row('Checkout outage')).toContainText('1 overdue');
});

test('CSV export and status import round trip, with unknown rows reported and a corrupt file refused', async ({
  page,
}) => {
  await newIncidentWithCauses(page, 'CDN outage, "eu-west"');
  const actions = new ActionsPage(page);
  const tricky = 'Fix cache key: "locale", region and ünïcødé ✓';
  await actions.add('Purge runbook');
  await actions.add(tricky);
  await actions.linkCauses('Purge runbook', [CAUSE_A]);
  await actions.setDescription('Purge runbook', 'Step 1, purge\nStep 2: "verify"');

  const download = await actions.exportCsv();
  expect(download.suggestedFilename()).toBe('cdn-outage-eu-west-action-items.csv');
  const csv = await (
    await download.createReadStream()
  )
    .toArray()
    .then((parts) => Buffer.concat(parts).toString('utf8'));
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    'Id,Summary,Description,Assignee,Priority,Due date,Labels,Status,Status reason,Ticket URL,Causes,Incident,Created,Completed',
  );
  expect(csv).toContain('Purge runbook,"Step 1, purge\nStep 2: ""verify""",,Medium,');
  expect(csv).toContain(`,To Do,,,${CAUSE_A},"CDN outage, ""eu-west""",`);
  expect(csv).toContain('"Fix cache key: ""locale"", region and ünïcødé ✓"');
  // The multi-line description moves later rows down a line; the report uses physical lines.

  // Mark "Purge runbook" done in the file, add a row the app does not know, and re-import.
  const edited = lines
    .map((line) => (line.includes('Purge runbook') ? line.replace(',To Do,', ',Done,') : line))
    .filter((line) => line !== '')
    .concat(['GHOST-1,Not ours,,,Low,,,Done,,,,,,'])
    .join('\r\n');
  await actions.importCsv('edited.csv', edited);
  await expect(actions.importDialog).toContainText('3 rows — 1 to update, 1 unchanged, 1 unknown, 0 invalid');
  await expect(actions.importDialog).toContainText(
    'line 5: no action item with id "GHOST-1" here ("Not ours")',
  );
  await actions.importDialog.getByRole('button', { name: 'Apply 1 update' }).click();
  await expect(actions.field('Status', 'Purge runbook')).toHaveValue('done');
  await expect(actions.field('Status', tricky)).toHaveValue('open');

  // Bulk change: select every row, won't do needs a reason once for all of them.
  await page.getByRole('checkbox', { name: 'Select all shown action items' }).check();
  await page.getByLabel('Set status of selected').selectOption({ label: "Won't do" });
  const reason = page.getByRole('dialog', { name: 'Won’t do 2 action items' });
  await reason.getByLabel('Reason').fill('Superseded by the CDN migration');
  await reason.getByRole('button', { name: 'Mark won’t do' }).click();
  await expect(actions.field('Status', 'Purge runbook')).toHaveValue('wont-do');
  await expect(actions.field('Status', tricky)).toHaveValue('wont-do');
  await expect(actions.row(tricky)).toContainText('Superseded by the CDN migration');

  // A damaged file changes nothing and says where it broke.
  await actions.importCsv('broken.csv', 'Id,Status\r\nX,"Done\r\n');
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('broken.csv line 2: a quoted field is never closed');
  await expect(alert).toContainText('Nothing was changed.');
});
