import { test, expect } from './fixtures';
import { seedLibrary } from '../../scripts/generators/library-incidents.mjs';

test('search the library, filter it (kept in the URL), open a hit at its place', async ({ page, list }) => {
  await list.goto();
  await seedLibrary(page, { from: 0, count: 4 });
  // A rare word of the generated text: the ticket number in one event of the second incident.
  const target = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('rootline');
      req.onsuccess = () => resolve(req.result);
    });
    const read = <T>(store: string, index: string | null, key: string) =>
      new Promise<T>((resolve) => {
        const os = db.transaction(store).objectStore(store);
        const req = index === null ? os.get(key) : os.index(index).getAll(key);
        req.onsuccess = () => resolve(req.result as T);
      });
    const events = await read<{ id: string; title: string }[]>('events', 'incidentId', 'LIB000001');
    const incident = await read<{ title: string; severity: string }>('incidents', null, 'LIB000001');
    const all = await Promise.all(
      ['LIB000000', 'LIB000001', 'LIB000002', 'LIB000003'].map((id) =>
        read<{ severity: string }>('incidents', null, id),
      ),
    );
    db.close();
    const ev = events.find((e) => /INC-\d{5}/.test(e.title))!;
    return {
      eventId: ev.id,
      ticket: /INC-(\d{5})/.exec(ev.title)![1]!,
      title: incident.title,
      severity: incident.severity,
      sameSeverity: all.filter((i) => i.severity === incident.severity).length,
    };
  });
  await page.reload();
  await list.waitReady();
  await expect(page.locator('.library-status')).toHaveAttribute('data-index-state', 'ready');

  // Filter: by the incident's severity; the URL keeps it, a reload restores it.
  await page.getByLabel('Filter by severity').selectOption(target.severity);
  await expect(list.titles()).toHaveCount(target.sameSeverity);
  await expect(page).toHaveURL(new RegExp(`severity=${target.severity}`));
  await page.reload();
  await expect(
    page.getByRole('button', { name: `Remove filter Severity: ${target.severity}` }),
  ).toBeVisible();
  await expect(list.titles()).toHaveCount(target.sameSeverity);

  // Search within the filter: the one incident with that ticket, its event hit marked. A reload
  // right after typing keeps the text (the URL takes it when the page is hidden).
  await page.getByLabel('Search incidents').fill(target.ticket);
  await page.reload();
  await expect(page.getByLabel('Search incidents')).toHaveValue(target.ticket);
  await expect(list.titles()).toHaveText([target.title]);
  // The first letter of a next word does not empty the list while it is typed (a lone letter
  // matches only as a whole word, once something follows it).
  const search = page.getByLabel('Search incidents');
  await search.fill(`${target.ticket} q`);
  await expect(page.locator('.library-status')).toHaveAttribute('data-search-text', `${target.ticket} q`);
  await expect(list.titles()).toHaveText([target.title]);
  await search.fill(`${target.ticket} q `);
  await expect(page.getByText(`No incident matches “${target.ticket} q” with these filters.`)).toBeVisible();
  await search.fill(target.ticket);
  await expect(list.titles()).toHaveText([target.title]);
  const hit = page.getByRole('button', { name: new RegExp(`^Timeline event: .*${target.ticket}`) });
  await expect(hit.locator('mark')).toHaveText(target.ticket);

  // A click opens the timeline with that event selected.
  await hit.click();
  await expect(page).toHaveURL(/#\/incident\/LIB000001\/timeline/);
  await expect(page.locator(`[data-event-id="${target.eventId}"]`)).toHaveAttribute('aria-selected', 'true');

  // Back to the list: the search and the filter are still there.
  await page.goBack();
  await expect(page.getByLabel('Search incidents')).toHaveValue(target.ticket);
  await expect(list.titles()).toHaveText([target.title]);
});
