import type { Page } from '@playwright/test';

/** Impact start of the seeded incident: 2014-11-19 00:51 UTC (16:51 PST). */
export const T = Date.UTC(2014, 10, 19, 0, 51);

/**
 * Writes one imported incident straight into the app's IndexedDB (the rows an import commits):
 * a folded impact event standing for four records of a stored log block, a deploy and a page;
 * then `notes` more note events, one a minute after the page, titled `note 1` … (a long table).
 */
export async function seedTimeline(page: Page, notes = 0): Promise<string> {
  return page.evaluate(
    async ({ t, notes }) => {
      const id = 'SEEDEDTIMELINE';
      const importId = 'SEEDEDIMPORT';
      const now = t + 86_400_000;
      const ev = (over: Record<string, unknown>) => ({
        incidentId: id,
        endAt: null,
        detail: '',
        region: null,
        count: 1,
        sources: [],
        key: false,
        tags: [],
        importId,
        createdAt: now,
        updatedAt: now,
        ...over,
      });
      const rec = (at: number, message: string, line: number, kind = 'impact') => ({
        at,
        level: 'error',
        kind,
        service: 'api',
        region: 'us-west',
        message,
        attrs: {},
        source: { file: 'app.log', line },
      });
      const rows: Record<string, unknown[]> = {
        incidents: [
          {
            id,
            title: 'Seeded storage outage',
            severity: 'SEV1',
            status: 'draft',
            summary: '',
            services: [],
            regions: [],
            authors: [],
            reviewers: [],
            displayZone: 'America/Los_Angeles',
            secondaryZone: null,
            keyTimes: {
              impactStartAt: t,
              detectedAt: t + 300_000,
              mitigatedAt: null,
              recoveredAt: null,
              resolvedAt: null,
            },
            keyTimeOrigins: { impactStartAt: 'import', detectedAt: 'import' },
            templateId: null,
            tags: [],
            createdAt: now,
            updatedAt: now,
          },
        ],
        events: [
          ev({
            id: 'EV-DEPLOY',
            at: t - 600_000,
            kind: 'change',
            title: 'deploy 42',
            service: 'deployer',
            sources: [{ file: 'app.log', line: 2 }],
          }),
          ev({
            id: 'EV-FOLDED',
            at: t,
            endAt: t + 180_000,
            kind: 'impact',
            title: 'timeout after <dur> to <ip>',
            service: 'api',
            region: 'us-west',
            count: 4,
            sources: [{ file: 'app.log', line: 10 }],
          }),
          ev({
            id: 'EV-PAGE',
            at: t + 300_000,
            kind: 'detection',
            title: 'page sent to on-call',
            service: 'pager',
            sources: [{ file: 'app.log', line: 20 }],
          }),
          ...Array.from({ length: notes }, (_, i) =>
            ev({
              id: `EV-NOTE-${i + 1}`,
              at: t + 300_000 + (i + 1) * 60_000,
              kind: 'note',
              title: `note ${i + 1}`,
              service: 'ops',
            }),
          ),
        ],
        logBlocks: [
          {
            id: `${importId}:000000`,
            importId,
            incidentId: id,
            seq: 0,
            firstAt: t - 600_000,
            lastAt: t + 300_000,
            records: [
              rec(t - 600_000, 'deploy 42', 2, 'change'),
              rec(t - 300_000, 'GET /health 200', 5, 'log'),
              rec(t, 'timeout after 30s to 10.0.0.7', 10),
              rec(t + 60_000, 'timeout after 12s to 10.0.0.9', 11),
              rec(t + 90_000, 'connection reset by peer', 12),
              rec(t + 120_000, 'timeout after 9s to 10.0.0.1', 13),
              rec(t + 180_000, 'timeout after 2s to 10.0.0.3', 14),
              rec(t + 300_000, 'page sent to on-call', 20, 'detection'),
            ],
          },
        ],
        imports: [
          {
            id: importId,
            incidentId: id,
            fileName: 'app.log',
            format: 'jsonl',
            options: { format: 'jsonl', zone: 'UTC', year: null },
            stats: {
              lines: 8,
              records: 8,
              skipped: 0,
              errorCount: 0,
              bytes: 800,
              firstAt: t - 600_000,
              lastAt: t + 300_000,
            },
            errors: [],
            findings: [],
            blockCount: 1,
            importedAt: now,
          },
        ],
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      });
      db.close();
      return id;
    },
    { t: T, notes },
  );
}
