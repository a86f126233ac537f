/* global indexedDB -- the seeding function runs in the browser */
// Seeds one incident straight into the app's IndexedDB (same tables and row shapes the app
// writes), generating the rows inside the page so nothing large crosses the Playwright pipe.

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ events: number, records: number, title?: string }} opts
 * @returns {Promise<string>} the incident id
 */
export async function seedIncident(page, opts) {
  return page.evaluate(async ({ events, records, title }) => {
    const open = () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const db = await open();
    const put = (store, rows) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const r of rows) os.put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const now = Date.UTC(2014, 10, 20);
    const start = Date.UTC(2014, 10, 18, 20, 0); // 12:00 PST, spans three days
    const span = 60 * 3_600_000;
    const id = 'BENCHINCIDENT' + Math.floor(rand() * 1e9);
    const importId = id + '-imp';
    const kinds = [
      'change',
      'impact',
      'detection',
      'response',
      'mitigation',
      'recovery',
      'communication',
      'note',
    ];
    const services = Array.from(
      { length: 16 },
      (_, i) =>
        ['api', 'storage', 'frontdoor', 'dns', 'auth', 'queue', 'billing', 'search'][i % 8] +
        (i >= 8 ? '-2' : ''),
    );
    const regions = ['us-west', 'us-east', 'eu-north', 'asia-se'];
    const impactStart = start + span * 0.3;
    const keyTimes = {
      impactStartAt: impactStart,
      detectedAt: impactStart + 34 * 60_000,
      mitigatedAt: impactStart + 5 * 3_600_000,
      recoveredAt: impactStart + 11 * 3_600_000,
      resolvedAt: impactStart + 12 * 3_600_000,
    };
    await put('incidents', [
      {
        id,
        title: title ?? 'Storage outage (benchmark)',
        severity: 'SEV1',
        status: 'draft',
        summary: '',
        services: [],
        regions: [],
        authors: [],
        reviewers: [],
        displayZone: 'America/Los_Angeles',
        secondaryZone: 'UTC',
        keyTimes,
        keyTimeOrigins: {
          impactStartAt: 'import',
          detectedAt: 'import',
          mitigatedAt: 'import',
          recoveredAt: 'import',
          resolvedAt: 'import',
        },
        templateId: null,
        tags: [],
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const messages = [
      'timeout after 30s to 10.0.0.7',
      'GET /api/v1/blob 503',
      'deploy of build 4411 to stage',
      'disk latency high on node-17',
      'page sent to on-call',
      'rolled back config 8812',
    ];
    const recordsPerEvent = Math.max(1, Math.floor(records / events));
    let batch = [];
    for (let i = 0; i < events; i++) {
      const at = Math.floor(start + (i / events) * span + rand() * 1000);
      const inImpact = at >= impactStart && at < keyTimes.recoveredAt;
      const kind = inImpact && rand() < 0.5 ? 'impact' : kinds[Math.floor(rand() * kinds.length)];
      const folded = rand() < 0.2;
      batch.push({
        id: 'E' + String(i).padStart(7, '0'),
        incidentId: id,
        at,
        endAt: folded ? at + Math.floor(rand() * 600_000) : null,
        kind,
        title: `${messages[i % messages.length]} #${i}`,
        detail: '',
        service: services[i % services.length],
        region: regions[i % regions.length],
        count: folded ? recordsPerEvent * 3 : 1,
        sources: [{ file: 'app.log', line: i * recordsPerEvent + 1 }],
        key: i % 997 === 0,
        tags: [],
        importId,
        createdAt: now,
        updatedAt: now,
      });
      if (batch.length === 10_000) {
        await put('events', batch);
        batch = [];
      }
    }
    if (batch.length) await put('events', batch);
    const BLOCK = 1000;
    const blockCount = Math.ceil(records / BLOCK);
    let blocks = [];
    for (let b = 0; b < blockCount; b++) {
      const recs = [];
      let firstAt = Infinity;
      let lastAt = -Infinity;
      for (let k = 0; k < BLOCK && b * BLOCK + k < records; k++) {
        const n = b * BLOCK + k;
        const at = Math.floor(start + (n / records) * span);
        const inImpact = at >= impactStart && at < keyTimes.recoveredAt;
        const kind = inImpact && rand() < 0.3 ? 'impact' : 'log';
        firstAt = Math.min(firstAt, at);
        lastAt = Math.max(lastAt, at);
        recs.push({
          at,
          level: kind === 'impact' ? 'error' : 'info',
          kind,
          service: services[n % services.length],
          region: regions[n % regions.length],
          message: messages[n % messages.length],
          attrs: {},
          source: { file: 'app.log', line: n + 1 },
        });
      }
      blocks.push({
        id: `${importId}:${String(b).padStart(6, '0')}`,
        importId,
        incidentId: id,
        seq: b,
        firstAt,
        lastAt,
        records: recs,
      });
      if (blocks.length === 50) {
        await put('logBlocks', blocks);
        blocks = [];
      }
    }
    if (blocks.length) await put('logBlocks', blocks);
    await put('imports', [
      {
        id: importId,
        incidentId: id,
        fileName: 'app.log',
        format: 'jsonl',
        options: { format: 'jsonl', zone: 'UTC', year: null },
        stats: {
          lines: records,
          records,
          skipped: 0,
          errorCount: 0,
          bytes: records * 120,
          firstAt: start,
          lastAt: start + span,
        },
        errors: [],
        findings: [],
        blockCount,
        importedAt: now,
      },
    ]);
    db.close();
    return id;
  }, opts);
}

/**
 * The benchmark incident already in the page's database (a kept profile), or null.
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<string | null>}
 */
export async function findSeeded(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('rootline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ids = await new Promise((resolve, reject) => {
      const req = db.transaction('incidents').objectStore('incidents').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return ids.find((id) => String(id).startsWith('BENCHINCIDENT')) ?? null;
  });
}
