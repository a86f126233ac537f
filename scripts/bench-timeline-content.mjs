/* global indexedDB, location -- the seeding function runs in the browser */
// The rest of a big incident for the tab benchmark: a cause tree, action items and review
// threads written straight into IndexedDB (the app's row shapes), and a document made the way a
// user makes it (a template applied from the Document tab, so its live blocks are the app's own).

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} incidentId
 * @param {{ causes?: number, actions?: number, threads?: number }} [opts]
 */
export async function seedContent(page, incidentId, opts = {}) {
  await page.evaluate(
    async ({ id, causes, actions, threads }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const put = (store, rows) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const r of rows) tx.objectStore(store).put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const now = Date.UTC(2014, 10, 20);
      const kinds = ['cause', 'root-cause', 'contributing-factor', 'trigger', 'detection-gap'];
      const causeRows = [
        {
          id: `${id}-C0`,
          incidentId: id,
          parentId: null,
          order: 0,
          kind: 'incident',
          gate: 'OR',
          title: 'Storage outage',
          detail: '',
          category: null,
          evidenceEventIds: [],
          reviewState: 'open',
          createdAt: now,
          updatedAt: now,
        },
      ];
      for (let i = 1; i <= causes; i++) {
        causeRows.push({
          ...causeRows[0],
          id: `${id}-C${i}`,
          parentId: `${id}-C${i <= 8 ? 0 : 1 + (i % 8)}`,
          order: i,
          kind: kinds[i % kinds.length],
          title: `Cause ${i}: config push reached every region at once`,
          detail: 'The rollout skipped the canary stage.',
          evidenceEventIds: [`E${String(i * 997).padStart(7, '0')}`],
        });
      }
      const actionRows = [];
      for (let i = 0; i < actions; i++) {
        actionRows.push({
          id: `${id}-A${i}`,
          incidentId: id,
          title: `Action ${i}: add a canary stage to config rollout`,
          description: '',
          owner: ['ana', 'bo', 'chen', 'dee'][i % 4],
          priority: ['P0', 'P1', 'P2', 'P3'][i % 4],
          type: 'prevent',
          dueDate: '2014-12-15',
          status: ['open', 'in-progress', 'done', 'wont-do'][i % 4],
          statusReason: '',
          causeIds: [`${id}-C${1 + (i % causes)}`],
          ticketUrl: '',
          createdAt: now,
          updatedAt: now,
          completedAt: null,
        });
      }
      const commentRows = [];
      for (let i = 0; i < threads; i++) {
        const onCause = i % 2 === 0;
        commentRows.push({
          id: `${id}-R${i}`,
          incidentId: id,
          targetType: onCause ? 'cause' : 'action',
          targetId: onCause ? `${id}-C${1 + (i % causes)}` : `${id}-A${i % actions}`,
          parentId: null,
          author: 'reviewer',
          body: `Question ${i}: what evidence shows this?`,
          createdAt: now + i,
          editedAt: null,
          resolved: i % 3 === 0,
          resolvedAt: i % 3 === 0 ? now + i : null,
          resolvedBy: i % 3 === 0 ? 'reviewer' : null,
        });
      }
      await put('causes', causeRows);
      await put('actions', actionRows);
      await put('comments', commentRows);
      db.close();
    },
    { id: incidentId, causes: opts.causes ?? 40, actions: opts.actions ?? 60, threads: opts.threads ?? 30 },
  );
  await page.evaluate((id) => (location.hash = `#/incident/${id}/document`), incidentId);
  await page.getByRole('button', { name: /^Use / }).first().click({ timeout: 300_000 });
  await page.waitForSelector('.live-block-frame', { timeout: 300_000 });
}
