// Pattern-mining quality: grouping accuracy (Zhu et al., ICSE-SEIP 2019: the share of lines
// whose predicted group is exactly their true group), end to end from raw lines — format
// detection and header parsing included, as `rootline patterns` runs them.
// Reads every labelled log in the folders given (default ../shared/corpus/loghub-text): a log
// `X` with `X_structured.csv` beside it (columns LineId and EventId, the true group).
//   npm run bench:patterns [-- --dir FOLDER …] [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { createImport } from '../../shared/import/pipeline';

const root = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
  },
});
const dirs = args.dir.map((d) => resolve(d));
if (dirs.length === 0) dirs.push(resolve(root, '../shared/corpus/loghub-text'));
const verbose = args.verbose;

interface Scored {
  file: string;
  lines: number;
  accuracy: number;
  patterns: number;
  truth: number;
  unread: number;
}

function groupsOf(labels: Map<number, string>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [line, label] of labels) {
    const g = groups.get(label);
    if (g === undefined) groups.set(label, [line]);
    else g.push(line);
  }
  return groups;
}

/** Grouping accuracy: lines of predicted groups that equal a true group, over all lines. */
function groupingAccuracy(truth: Map<number, string>, predicted: Map<number, string>): number {
  const trueGroups = groupsOf(truth);
  let correct = 0;
  for (const lines of groupsOf(predicted).values()) {
    const label = truth.get(lines[0]!);
    const group = label === undefined ? undefined : trueGroups.get(label);
    if (group !== undefined && group.length === lines.length && lines.every((l) => truth.get(l) === label))
      correct += lines.length;
  }
  return truth.size === 0 ? 1 : correct / truth.size;
}

function score(logPath: string, csvPath: string): Scored {
  const name = basename(logPath);
  const rows = Papa.parse<Record<string, string>>(readFileSync(csvPath, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const truth = new Map<number, string>();
  for (const r of rows) truth.set(Number(r.LineId), r.EventId ?? '');

  const imp = createImport({ zone: 'UTC', patternLines: true });
  const input = imp.addFile(name);
  input.push(readFileSync(logPath, 'utf8'));
  input.end();
  const result = imp.finish();

  const recordPattern = new Map<number, string>();
  for (const p of result.patterns) for (const l of p.lines ?? []) recordPattern.set(l.line, p.id);
  // A line that is not a record continues the record before it (stack traces); a line before
  // any record was not read at all and stands alone.
  const predicted = new Map<number, string>();
  let current: string | null = null;
  let unread = 0;
  for (const line of [...truth.keys()].sort((a, b) => a - b)) {
    current = recordPattern.get(line) ?? current;
    if (!recordPattern.has(line)) unread++;
    predicted.set(line, current ?? `unread:${line}`);
  }
  const accuracy = groupingAccuracy(truth, predicted);
  if (verbose) {
    for (const p of result.patterns.slice(0, 200)) {
      const labels = new Set((p.lines ?? []).map((l) => truth.get(l.line)));
      if (labels.size > 1) console.log(`  ${name}: ${p.count}× ${p.template} ← ${[...labels].join(', ')}`);
    }
  }
  return {
    file: name,
    lines: truth.size,
    accuracy,
    patterns: result.patterns.length,
    truth: new Set(truth.values()).size,
    unread,
  };
}

const scored: Scored[] = [];
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.error(`no such folder: ${dir}`);
    process.exit(2);
  }
  for (const csv of readdirSync(dir)
    .filter((f) => f.endsWith('_structured.csv'))
    .sort()) {
    const log = join(dir, csv.slice(0, -'_structured.csv'.length));
    if (existsSync(log)) scored.push(score(log, join(dir, csv)));
  }
}
if (scored.length === 0) {
  console.error(`no labelled logs (X with X_structured.csv) in ${dirs.join(', ')}`);
  process.exit(2);
}
for (const s of scored) {
  console.log(
    `${s.file.padEnd(28)} accuracy ${s.accuracy.toFixed(4)}  (${s.lines} lines, ${s.patterns} patterns, ${s.truth} true groups${s.unread > 0 ? `, ${s.unread} lines not records` : ''})`,
  );
}
const average = scored.reduce((n, s) => n + s.accuracy, 0) / scored.length;
const worst = Math.min(...scored.map((s) => s.accuracy));
console.log(
  `average ${average.toFixed(4)} over ${scored.length} file(s); goal ≥ 0.95 on each: ${worst >= 0.95 ? 'met' : 'NOT met'}`,
);
