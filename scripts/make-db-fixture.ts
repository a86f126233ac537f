/**
 * Writes test/fixtures/db/v<SCHEMA_VERSION>-dump.json: a database made by the current schema,
 * filled with two rich incidents and some prefs, dumped table by table with counts and hashes.
 * Run once per released schema version (npx tsx scripts/make-db-fixture.ts) and commit the
 * file; never regenerate an older version's dump. test/unit/db/upgrade.test.ts loads every dump.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { setDb } from '../renderer/db/db';
import { SCHEMA_VERSION } from '../renderer/db/migrations';
import { insertSnapshot } from '../renderer/db/repos/snapshot';
import { setPref } from '../renderer/db/repos/prefs';
import { addFormatFile } from '../renderer/db/repos/formatFiles';
import { putImportDensities } from '../renderer/db/repos/densities';
import { countImportDensities } from '../renderer/features/timeline/model/countDensities';
import { RootlineDb } from '../renderer/db/schema';
import { richSnapshot } from '../test/unit/bundle/richSnapshot';
import { tableDigest, type DbDump } from '../test/unit/db/dumpFormat';

const target = fileURLToPath(new URL(`../test/fixtures/db/v${SCHEMA_VERSION}-dump.json`, import.meta.url));
if (existsSync(target) && !process.argv.includes('--force')) {
  console.error(
    `${target} exists; a released version's dump must not change (use --force only before release).`,
  );
  process.exit(1);
}

const db = new RootlineDb('fixture', { indexedDB, IDBKeyRange });
setDb(db);
await db.open();
const b = richSnapshot('B');
b.incident = { ...b.incident, title: 'Second incident', status: 'published', secondaryZone: null };
b.logBlocks = [];
b.imports = [];
b.events = b.events.map((e) => ({ ...e, importId: null }));
await insertSnapshot(richSnapshot('A'));
await insertSnapshot(b);
// A mined pattern of incident A's import, so later versions prove they keep patterns.
const a = richSnapshot('A');
const firstImport = a.imports[0];
if (firstImport !== undefined) {
  await db.patterns.put({
    id: 'lp-fixture-1',
    incidentId: a.incident.id,
    importId: firstImport.id,
    patternKey: 'pat-0000000000000001',
    template: 'upstream <ip> timed out after <*> ms',
    count: 42,
    level: 'error',
    firstAt: a.incident.createdAt,
    lastAt: a.incident.createdAt + 60_000,
    files: [firstImport.fileName],
    histogram: [40, 0, 2],
    rangeFromAt: a.incident.createdAt,
    rangeToAt: a.incident.createdAt + 60_000,
    eventIds: a.events.slice(0, 1).map((e) => e.id),
  });
}
// Schema v5: incident A's imports' stored densities, counted from their raw blocks.
await putImportDensities(
  await countImportDensities(
    a.imports.map((i) => ({
      importId: i.id,
      incidentId: i.incidentId,
      importedAt: i.importedAt,
      blockCount: i.blockCount,
    })),
  ),
);
await setPref('theme', 'dark');
await setPref('recentBundles', ['/home/ada/checkout.rootline.json']);
// Schema v2: a user's format file (Settings → Log formats).
const added = await addFormatFile(
  'acme-format.json',
  JSON.stringify({
    acme_log: {
      regex: { std: { pattern: '^(?<timestamp>\\S+ \\S+) (?<level>[EWI]) (?<component>\\S+) (?<body>.*)$' } },
      sample: [{ line: '2024-05-02 08:00:00 E billing failed' }],
    },
  }),
  1_714_636_800_000,
);
if (!added.ok) throw new Error(added.problems.join('\n'));

const dump: DbDump = {
  about: `Rootline database at schema version ${SCHEMA_VERSION}, made by scripts/make-db-fixture.ts. Do not edit.`,
  dexieVersion: db.verno,
  stores: {},
  tables: {},
  expected: {},
};
for (const table of db.tables) {
  const { primKey, indexes } = table.schema;
  dump.stores[table.name] = [primKey.src, ...indexes.map((i) => i.src)].join(', ');
  const rows = await table.toArray();
  dump.tables[table.name] = rows;
  dump.expected[table.name] = tableDigest(rows);
}
writeFileSync(target, `${JSON.stringify(dump, null, 2)}\n`);
console.log(`wrote ${target}`);
db.close();
