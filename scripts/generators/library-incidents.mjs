/* global indexedDB -- the generating function runs in the browser */
// Generates a library of incidents of realistic size straight into the app's IndexedDB (the
// tables and row shapes the app writes), inside the page so nothing large crosses the
// Playwright pipe. Deterministic for a seed. Sizes per incident: 50–500 timeline events, 5–40
// causes, 3–15 action items, a document of 2,000–5,000 words in 6–10 sections, 0–12 comments.

/**
 * Seeds incidents `from` … `from + count - 1` (ids `LIB000000` …).
 * @param {import('@playwright/test').Page} page
 * @param {{ from: number, count: number, seed?: number }} opts
 * @returns {Promise<{ events: number, words: number }>} rows and document words written
 */
export async function seedLibrary(page, opts) {
  return page.evaluate(
    async ({ from, count, seed }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('rootline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores = ['incidents', 'events', 'causes', 'actions', 'sections', 'comments'];
      // Common words first: picking index ~ 1/rank gives text a Zipf-like word frequency.
      const WORDS = (
        'the a to of and in was for on with is that by at from as it after we not this were be an ' +
        'request error timeout latency service database cache deploy rollback config traffic node ' +
        'cluster region queue retry connection pool memory disk cpu alert page on-call customer ' +
        'impact degraded failed failover replica primary write read lock leader election certificate ' +
        'expired dns resolver load balancer health check upstream downstream backlog throttling limit ' +
        'quota saturation spike release canary flag feature migration schema index query slow packet ' +
        'loss network partition storage volume snapshot backup restore kubernetes pod container ' +
        'restart crash oom kill garbage collection pause thread deadlock heartbeat gossip consensus ' +
        'token auth login session payment checkout search ingest pipeline consumer producer offset ' +
        'lag shard rebalance hotspot capacity autoscaling provisioning terraform change window ' +
        'runbook escalation mitigation recovery monitoring dashboard metric threshold anomaly ' +
        'detection postmortem contributing factor root cause action item owner follow-up review ' +
        'vendor outage incident severity customers reported errors elevated rates briefly ' +
        'intermittent gradually recovered manually drained traffic shifted blocked unblocked ' +
        'corrupted stale inconsistent duplicated missing delayed dropped retried succeeded'
      ).split(' ');
      const SERVICES = [
        'api',
        'auth',
        'billing',
        'checkout',
        'search',
        'storage',
        'dns',
        'cdn',
        'queue',
        'payments',
        'ingest',
        'notifications',
        'frontdoor',
        'identity',
        'ledger',
        'reports',
        'scheduler',
        'mail',
        'graph',
        'gateway',
      ];
      const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'sa-east-1'];
      const TAGS = [
        'k8s',
        'network',
        'database',
        'third-party',
        'config',
        'capacity',
        'security',
        'data-loss',
        'customer-facing',
        'internal',
        'certificate',
        'dns',
        'deploy',
        'hardware',
        'cost',
      ];
      const CATEGORIES = ['people', 'process', 'technology', 'environment', 'measurement', 'materials'];
      const KINDS = [
        'change',
        'impact',
        'detection',
        'response',
        'mitigation',
        'recovery',
        'communication',
        'note',
      ];
      const SEVS = ['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4'];
      const STATUSES = ['draft', 'in-review', 'approved', 'published', 'published'];
      const ACTION_STATUSES = ['open', 'in-progress', 'done', 'done', 'wont-do'];
      let s = seed >>> 0 || 1;
      const rand = () => {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        return (s >>> 0) / 4294967296;
      };
      const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
      const pick = (list) => list[Math.floor(rand() * list.length)];
      const some = (list, lo, hi) => [...new Set(Array.from({ length: int(lo, hi) }, () => pick(list)))];
      // Harmonic weights: rank r with probability ~ 1/r.
      const H = WORDS.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
      const word = () => {
        let x = rand() * H;
        for (let i = 0; i < WORDS.length; i++) {
          x -= 1 / (i + 1);
          if (x <= 0) return WORDS[i];
        }
        return WORDS[WORDS.length - 1];
      };
      // Identifiers make the vocabulary large, as real logs and documents do.
      const ident = () =>
        pick([
          `node-${int(1, 400)}`,
          `build ${int(1000, 9999)}`,
          `PR #${int(100, 9999)}`,
          `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
          `ticket INC-${int(1000, 99999)}`,
          pick(SERVICES),
        ]);
      const sentence = (lo, hi) => {
        const n = int(lo, hi);
        const out = [];
        for (let i = 0; i < n; i++) out.push(rand() < 0.08 ? ident() : word());
        const t = out.join(' ');
        return t.charAt(0).toUpperCase() + t.slice(1);
      };
      const lexical = (paragraphs) =>
        JSON.stringify({
          root: {
            type: 'root',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: paragraphs.map((text) => ({
              type: 'paragraph',
              version: 1,
              direction: null,
              format: '',
              indent: 0,
              textFormat: 0,
              textStyle: '',
              children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
            })),
          },
        });
      const SECTION_TITLES = [
        'Summary',
        'Impact',
        'Timeline narrative',
        'Root cause',
        'Contributing factors',
        'Detection',
        'Response',
        'Recovery',
        'Lessons learned',
        'What went well',
      ];
      const put = (rows) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          for (const [store, list] of Object.entries(rows)) {
            const os = tx.objectStore(store);
            for (const r of list) os.put(r);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const DAY = 86_400_000;
      const base = Date.UTC(2024, 0, 1);
      let eventsWritten = 0;
      let wordsWritten = 0;
      for (let n = from; n < from + count; n++) {
        const id = 'LIB' + String(n).padStart(6, '0');
        const start = base + int(0, 700) * DAY + int(0, 86_399) * 1000;
        const services = some(SERVICES, 1, 3);
        const keyTimes = {
          impactStartAt: start,
          detectedAt: rand() < 0.9 ? start + int(1, 90) * 60_000 : null,
          mitigatedAt: rand() < 0.85 ? start + int(30, 600) * 60_000 : null,
          recoveredAt: rand() < 0.8 ? start + int(60, 900) * 60_000 : null,
          resolvedAt: rand() < 0.7 ? start + int(120, 2000) * 60_000 : null,
        };
        const at = start + 30 * DAY;
        const incident = {
          id,
          title: `${services[0]} ${sentence(3, 7).toLowerCase()}`,
          severity: pick(SEVS),
          status: pick(STATUSES),
          summary: sentence(30, 80),
          services,
          regions: some(REGIONS, 1, 2),
          authors: ['sam'],
          reviewers: [],
          displayZone: 'UTC',
          secondaryZone: null,
          keyTimes,
          keyTimeOrigins: {},
          templateId: null,
          tags: some(TAGS, 0, 3),
          createdAt: at,
          updatedAt: at,
        };
        const nEvents = int(50, 500);
        const events = Array.from({ length: nEvents }, (_, i) => ({
          id: `${id}-E${i}`,
          incidentId: id,
          at: start - 3_600_000 + i * 60_000,
          endAt: null,
          kind: pick(KINDS),
          title: sentence(4, 12),
          detail: rand() < 0.5 ? sentence(8, 40) : '',
          service: pick(services),
          region: null,
          count: 1,
          sources: [],
          key: rand() < 0.05,
          tags: [],
          importId: null,
          createdAt: at,
          updatedAt: at,
        }));
        const nCauses = int(5, 40);
        const causes = Array.from({ length: nCauses }, (_, i) => ({
          id: `${id}-C${i}`,
          incidentId: id,
          parentId: i === 0 ? null : `${id}-C${Math.floor((i - 1) / 3)}`,
          order: i,
          kind: i === 0 ? 'incident' : pick(['cause', 'root-cause', 'contributing-factor', 'trigger']),
          gate: 'OR',
          title: sentence(4, 10),
          detail: rand() < 0.6 ? sentence(10, 40) : '',
          category: i === 0 ? null : pick(CATEGORIES),
          evidenceEventIds: [],
          reviewState: 'open',
          createdAt: at,
          updatedAt: at,
        }));
        const actions = Array.from({ length: int(3, 15) }, (_, i) => {
          const status = pick(ACTION_STATUSES);
          return {
            id: `${id}-A${i}`,
            incidentId: id,
            title: sentence(4, 10),
            description: rand() < 0.5 ? sentence(10, 30) : '',
            owner: pick(['sam', 'ana', 'lee', 'kim', '']),
            priority: pick(['P0', 'P1', 'P2', 'P3']),
            type: 'prevent',
            dueDate: null,
            status,
            statusReason: '',
            causeIds: [],
            ticketUrl: '',
            createdAt: at,
            updatedAt: at,
            completedAt: status === 'done' ? at : null,
          };
        });
        const nSections = int(6, 10);
        let docWords = int(2000, 5000);
        wordsWritten += docWords;
        const sections = Array.from({ length: nSections }, (_, i) => {
          const share = i === nSections - 1 ? docWords : Math.floor(docWords / (nSections - i));
          docWords -= share;
          const paragraphs = [];
          for (let left = share; left > 0;) {
            const len = Math.min(left, int(40, 120));
            paragraphs.push(sentence(len, len) + '.');
            left -= len;
          }
          return {
            id: `${id}-S${i}`,
            incidentId: id,
            key: `s${i}`,
            title: SECTION_TITLES[i % SECTION_TITLES.length],
            order: i,
            internalOnly: false,
            lexicalState: lexical(paragraphs),
            updatedAt: at,
          };
        });
        const comments = Array.from({ length: int(0, 12) }, (_, i) => ({
          id: `${id}-M${i}`,
          incidentId: id,
          targetType: 'cause',
          targetId: pick(causes).id,
          parentId: null,
          author: pick(['ana', 'lee']),
          body: sentence(5, 30),
          createdAt: at,
          editedAt: null,
          resolved: false,
          resolvedAt: null,
          resolvedBy: null,
        }));
        eventsWritten += nEvents;
        await put({ incidents: [incident], events, causes, actions, sections, comments });
      }
      db.close();
      return { events: eventsWritten, words: wordsWritten };
    },
    { from: opts.from, count: opts.count, seed: (opts.seed ?? 1) * 7919 + opts.from },
  );
}
