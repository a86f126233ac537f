// Header-parsing benchmark for text logs: how often the detected format's records agree with
// the labelled fields of the Loghub-2k files (`*_structured.csv`: time, level, component,
// content), before (hand-written formats only) and after (with format definitions). Then, for
// every other text file in the corpus and the fixtures, what each side reads: records, errors,
// levels and services found. Reads ../shared (never copied into the repository).
//   npx tsx scripts/bench/text.ts [--corpus DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { detectFormat } from '../../shared/import/detect';
import { allFormats, definitionFormats } from '../../shared/import/formats/index';
import { levelFromName } from '../../shared/import/formats/levels';
import { createImportWith } from '../../shared/import/importer';
import type { FormatRegistry } from '../../shared/import/importer';
import type { FormatDef } from '../../shared/import/types';
import type { LogRecord } from '../../shared/domain';
import { parseTimestamp } from '../../shared/time/parse';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpus = args.corpus ? resolve(args.corpus) : resolve(root, '../shared/corpus');

function registry(formats: readonly FormatDef[]): FormatRegistry {
  return {
    getFormat: (id) => formats.find((f) => f.id === id),
    detectFormat: (head, name) => detectFormat(head, name, formats),
  };
}

const BEFORE = registry(allFormats().filter((f) => !definitionFormats().includes(f)));
const AFTER = registry(allFormats());

interface Run {
  format: string;
  records: LogRecord[];
  errors: number;
}

function run(reg: FormatRegistry, file: string): Run {
  const records: LogRecord[] = [];
  const imp = createImportWith(reg, { zone: 'UTC', year: null, onRecord: (r) => records.push(r) });
  const input = imp.addFile(basename(file));
  input.push(readFileSync(file, 'utf8'));
  input.end();
  const result = imp.finish();
  return { format: result.stats.perFile[0]?.format ?? '?', records, errors: result.stats.errorCount };
}

type Row = Record<string, string>;

function expectedAt(row: Row): number | null {
  const time = row.Time ?? '';
  const joined =
    row.Date === undefined ? null : parseTimestamp(`${row.Date} ${time}`, { zone: 'UTC', year: 2000 });
  return joined ?? parseTimestamp(time, { zone: 'UTC', year: 2000 });
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function agreement(r: Run, rows: Row[]): string {
  const byLine = new Map<number, LogRecord>();
  for (const rec of r.records) byLine.set(rec.source.line, rec);
  let time = 0;
  let level = 0;
  let service = 0;
  let services = 0;
  let body = 0;
  let show = Number(process.env.BENCH_SHOW ?? 0);
  for (const row of rows) {
    const rec = byLine.get(Number(row.LineId));
    if (rec === undefined) continue;
    if (rec.at === expectedAt(row)) time++;
    if (rec.level === levelFromName((row.Level ?? '').trim())) level++;
    if (row.Component !== undefined) {
      services++;
      if (rec.service === row.Component) service++;
    }
    if ((rec.message.split('\n')[0] ?? '').trim() === (row.Content ?? '').trim()) body++;
    else if (show > 0) {
      show--;
      console.log(
        `    line ${row.LineId}: body ${JSON.stringify(rec.message)} ≠ ${JSON.stringify(row.Content)}`,
      );
    }
  }
  const n = rows.length;
  return `${r.format.padEnd(22)} records ${pct(r.records.length, n)}  time ${pct(time, n)}  level ${pct(level, n)}  service ${pct(service, services)}  body ${pct(body, n)}`;
}

if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus} (pass --corpus DIR)`);
  process.exit(1);
}

console.log('Field agreement with the labelled Loghub-2k files (share of lines)\n');
const loghub = join(corpus, 'loghub-text');
for (const name of readdirSync(loghub)
  .filter((f) => f.endsWith('.log'))
  .sort()) {
  const csv = join(loghub, `${name}_structured.csv`);
  if (!existsSync(csv)) continue;
  const rows = Papa.parse<Row>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const file = join(loghub, name);
  console.log(name);
  console.log(`  before  ${agreement(run(BEFORE, file), rows)}`);
  console.log(`  after   ${agreement(run(AFTER, file), rows)}`);
}

function summary(r: Run): string {
  const levels = r.records.filter((x) => x.level !== null).length;
  const services = r.records.filter((x) => x.service !== null).length;
  return `${r.format.padEnd(22)} records ${String(r.records.length).padStart(5)}  errors ${String(r.errors).padStart(4)}  with level ${String(levels).padStart(5)}  with service ${String(services).padStart(5)}`;
}

console.log('\nOther text files: what each side reads\n');
const others: string[] = [];
for (const dir of ['syslog', 'access-log']) {
  const d = join(corpus, dir);
  if (existsSync(d))
    for (const f of readdirSync(d).filter((x) => x.endsWith('.log'))) others.push(join(d, f));
}
const fixtures = join(root, 'test/fixtures/logs');
for (const f of readdirSync(fixtures).filter((x) => /\.(log|txt)$/.test(x))) others.push(join(fixtures, f));
for (const file of others) {
  console.log(basename(file));
  const before = run(BEFORE, file);
  const after = run(AFTER, file);
  console.log(`  before  ${summary(before)}`);
  console.log(`  after   ${summary(after)}`);
  const old = new Map(before.records.map((r) => [r.source.line, r]));
  let sameTime = 0;
  let keptService = 0;
  let hadService = 0;
  for (const r of after.records) {
    const o = old.get(r.source.line);
    if (o === undefined) continue;
    if (o.at === r.at) sameTime++;
    if (o.service !== null) {
      hadService++;
      if (r.service === o.service) keptService++;
    }
  }
  console.log(
    `  after agrees with before: time ${pct(sameTime, before.records.length)}  service ${pct(keptService, hadService)}`,
  );
}
