#!/usr/bin/env node
// @ts-check
// `npm run audit:electron`: runs Electronegativity over the Electron shell and fails on any HIGH
// or MEDIUM finding. Electronegativity always exits 0, so this script reads its CSV report and
// counts the findings itself.
//
// What is scanned (copied into a temporary folder so nothing else in the repo is parsed):
//   src/**          electron/*.ts — the sources (Electronegativity parses TypeScript itself)
//   dist/*.js       dist/electron/{main,preload}.cjs when built — the code Electron really runs
//                   (renamed .js, the only extension the tool reads)
//   html/*.html     renderer/index.html and dist/renderer/index.html (meta CSP, inline scripts)
//   package.json    so the tool knows the Electron version
//
// Usage: node scripts/test/audit-electron.mjs [--keep] [--verbose]
// Electronegativity is found in node_modules, or in the folder named by ELECTRONEGATIVITY_DIR
// (a folder where `npm install @doyensec/electronegativity` was run).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isMainModule =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
// Imported by tests (report parsing): only the command line of a direct run is read.
const { values: flags } = isMainModule
  ? parseArgs({
      options: { keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
    })
  : { values: { keep: false, verbose: false } };

/**
 * @typedef {{ check: string, severity: string, confidence: string, file: string, location: string, sample: string, description: string }} AuditFinding
 * @typedef {{ check: string, file: string, sample: RegExp, reason: string }} ReviewedFinding
 */

/**
 * Findings a person has reviewed and accepted. Only TENTATIVE "review this" findings may be
 * listed, each pinned to one check, one file and the exact code, and each may match once —
 * a second openExternal call anywhere still fails the audit. Keep this list short.
 */
const OPEN_EXTERNAL_REASON =
  'The one shell.openExternal call; it runs only after isAllowedExternalUrl() accepted an ' +
  'http(s) URL (test/unit/electron/security.test.ts, test/unit/security/checklist.test.ts).';
const PROTOCOL_REASON =
  'Registers rootline:// for team invites (packaged app only). A link is read by ' +
  'parseInviteLink() (a ws/wss server and a token, anything else ignored) and only opens the join ' +
  'screen, where the user sees who the token makes them and confirms; nothing is fetched or run ' +
  'from the link itself (test/unit/electron/syncServers.test.ts, test/unit/renderer/sync/invite.test.ts).';
/** @type {ReviewedFinding[]} */
export const REVIEWED = [
  {
    check: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'src/main.ts',
    sample: /^app\.setAsDefaultProtocolClient\(INVITE_SCHEME\);$/,
    reason: PROTOCOL_REASON,
  },
  {
    check: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'dist/main.js',
    sample: /^import_electron\d*\.app\.setAsDefaultProtocolClient\(INVITE_SCHEME\);$/,
    reason: `${PROTOCOL_REASON} (the same call in the esbuild bundle)`,
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/security/external.ts',
    sample: /^await shell\.openExternal\(safeUrl\);$/,
    reason: OPEN_EXTERNAL_REASON,
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'dist/main.js',
    sample: /^await import_electron\d*\.shell\.openExternal\(safeUrl\);$/,
    reason: `${OPEN_EXTERNAL_REASON} (the same call in the esbuild bundle)`,
  },
];

/** Finds the Electronegativity CLI entry point, or null. */
export function findElectronegativity() {
  const bases = [root];
  if (process.env.ELECTRONEGATIVITY_DIR) bases.push(process.env.ELECTRONEGATIVITY_DIR);
  for (const base of bases) {
    try {
      const require = createRequire(path.join(base, 'package.json'));
      const pkgPath = require.resolve('@doyensec/electronegativity/package.json');
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
      return { entry: path.join(path.dirname(pkgPath), pkg.bin.electronegativity), version: pkg.version };
    } catch {
      // try the next place
    }
  }
  return null;
}

/** Splits one CSV line (the tool quotes fields that may hold commas). */
/** @param {string} line @returns {string[]} */
export function splitCsvLine(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/**
 * Parses the CSV report into findings.
 * @param {string} csv
 * @returns {AuditFinding[]}
 */
export function parseReport(csv) {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (!header || !/^issue\s*,\s*severity/i.test(header)) throw new Error('Unexpected report header');
  return rows.map((row) => {
    const [
      check = '',
      severity = '',
      confidence = '',
      file = '',
      location = '',
      sample = '',
      description = '',
    ] = splitCsvLine(row);
    return {
      check,
      severity: severity.toUpperCase(),
      confidence: confidence.toUpperCase(),
      file,
      location,
      sample,
      description,
    };
  });
}

/**
 * Splits findings into those that fail the audit, the reviewed ones, and the low/info ones.
 * @param {AuditFinding[]} findings
 * @param {ReviewedFinding[]} [reviewed]
 */
export function classify(findings, reviewed = REVIEWED) {
  /** @type {AuditFinding[]} */
  const failing = [];
  /** @type {AuditFinding[]} */
  const accepted = [];
  /** @type {AuditFinding[]} */
  const minor = [];
  /** @type {Set<ReviewedFinding>} */
  const used = new Set();
  for (const f of findings) {
    if (f.severity !== 'HIGH' && f.severity !== 'MEDIUM') {
      minor.push(f);
      continue;
    }
    const entry = reviewed.find(
      (r) => !used.has(r) && r.check === f.check && r.file === f.file && r.sample.test(f.sample),
    );
    if (f.confidence === 'TENTATIVE' && entry) {
      used.add(entry);
      accepted.push(f);
    } else failing.push(f);
  }
  return { failing, accepted, minor };
}

function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rootline-audit-'));
  cpSync(path.join(root, 'electron'), path.join(dir, 'src'), {
    recursive: true,
    filter: (src) => !src.endsWith('tsconfig.json'),
  });
  const built = path.join(root, 'dist', 'electron');
  if (existsSync(built)) {
    mkdirSync(path.join(dir, 'dist'));
    for (const name of readdirSync(built).filter((n) => n.endsWith('.cjs')))
      cpSync(path.join(built, name), path.join(dir, 'dist', name.replace(/\.cjs$/, '.js')));
  }
  mkdirSync(path.join(dir, 'html'));
  cpSync(path.join(root, 'renderer', 'index.html'), path.join(dir, 'html', 'source-index.html'));
  const builtHtml = path.join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(builtHtml)) cpSync(builtHtml, path.join(dir, 'html', 'built-index.html'));
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/** @param {AuditFinding} f */
function show(f) {
  return `  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check}  ${f.file}:${f.location}\n         ${f.sample}`;
}

function main() {
  const tool = findElectronegativity();
  if (!tool) {
    console.error(
      'audit:electron: @doyensec/electronegativity is not installed. Run "npm install" (it is a ' +
        'devDependency), or set ELECTRONEGATIVITY_DIR to a folder where it is installed.',
    );
    return 2;
  }
  const dir = stage();
  const report = path.join(dir, 'report.csv');
  try {
    const res = spawnSync(
      process.execPath,
      [tool.entry, '--input', dir, '--relative', '--verbose', 'false', '--output', report],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 },
    );
    if (flags.verbose) process.stdout.write(res.stdout + res.stderr);
    if (res.error || !existsSync(report)) {
      console.error(
        `audit:electron: Electronegativity did not produce a report.\n${res.stderr || res.error}`,
      );
      return 2;
    }
    const findings = parseReport(readFileSync(report, 'utf8'));
    const { failing, accepted, minor } = classify(findings);
    console.log(
      `Electronegativity ${tool.version}: ${findings.length} findings — ${failing.length} high/medium, ` +
        `${accepted.length} reviewed, ${minor.length} low/informational.`,
    );
    if (accepted.length > 0) console.log(`Reviewed and accepted:\n${accepted.map(show).join('\n')}`);
    if (minor.length > 0 && flags.verbose) console.log(`Low:\n${minor.map(show).join('\n')}`);
    if (failing.length > 0) {
      console.error(
        `High/medium findings (fix them, or review them in REVIEWED):\n${failing.map(show).join('\n')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    if (!flags.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept ${dir}`);
  }
}

if (isMainModule) process.exitCode = main();
