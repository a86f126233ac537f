import type { Finding, KeyTimes } from '../shared/domain';
import type { ImportResult } from '../shared/import/pipeline';
import { eventCapMessage } from '../shared/timeline/fold';
import { routineReasons } from '../shared/import/routine';
import { timeFallbackNote } from '../shared/import/timeFallback';
import { yearAssumedClause } from '../shared/import/yearAssumed';
import { formatZonedFull } from '../shared/format';
import { terminalSafe } from './terminal';

export { terminalSafe } from './terminal';

function iso(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}

/** The `--json` document, keys in the documented order. */
export function toJson(result: ImportResult): string {
  const { events, phases, findings, stats } = result;
  const doc = {
    events: events.map((e) => ({
      id: e.id,
      at: iso(e.at),
      endAt: iso(e.endAt),
      kind: e.kind,
      title: e.title,
      service: e.service,
      region: e.region,
      count: e.count,
      sources: e.sources.map((s) => ({ file: s.file, line: s.line })),
      injected: e.injected === true,
    })),
    phases: {
      impactStartAt: iso(phases.impactStartAt),
      detectedAt: iso(phases.detectedAt),
      mitigatedAt: iso(phases.mitigatedAt),
      recoveredAt: iso(phases.recoveredAt),
      resolvedAt: iso(phases.resolvedAt),
    },
    findings: findings.map((f: Finding) => ({
      code: f.code,
      at: iso(f.at),
      message: f.message,
      change: f.change,
      components: f.components,
      injected: f.injected === true,
      eventIds: f.eventIds,
    })),
    stats: {
      files: stats.files,
      lines: stats.lines,
      records: stats.records,
      skipped: stats.skipped,
      eventCap: result.cap === null ? null : { ...result.cap, message: eventCapMessage(result.cap) },
      errors: stats.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

const PHASE_LABELS: [keyof KeyTimes, string][] = [
  ['impactStartAt', 'Impact start'],
  ['detectedAt', 'Detected'],
  ['mitigatedAt', 'Mitigated'],
  ['recoveredAt', 'Recovered'],
  ['resolvedAt', 'Resolved'],
];

/** The readable timeline: one line per event, then phases, findings and accounting. */
export function toText(result: ImportResult): string {
  const { events, phases, findings, stats } = result;
  const out: string[] = [`Timeline (${events.length} events, times in UTC)`, ''];
  if (result.cap !== null) out.splice(1, 0, `Note: ${eventCapMessage(result.cap)}`);
  if (events.length === 0 && stats.records > 0)
    out.splice(
      1,
      0,
      'No record became an event: every one read as routine (why: under each file below; `rootline patterns` lists what they hold).',
    );
  for (const e of events) {
    const place = [e.service, e.region].filter((p) => p !== null).join('/') || '-';
    const span = e.endAt === null ? '' : ` → ${utc(e.endAt).slice(11)}`;
    const count = e.count > 1 ? `  ×${e.count.toLocaleString('en-US')}` : '';
    const injected = e.injected === true ? '  [injected]' : '';
    out.push(
      `${utc(e.at)}${span.padEnd(12)}  ${e.kind.padEnd(13)} ${place.padEnd(24)} ${e.title}${count}${injected}`,
    );
  }
  out.push('', 'Phases');
  for (const [key, label] of PHASE_LABELS) {
    const at = phases[key];
    out.push(`  ${label.padEnd(13)} ${at === null ? 'unknown' : utc(at)}`);
  }
  if (findings.length > 0) {
    out.push('', 'Findings');
    for (const f of findings) out.push(`  [${f.code}] ${f.message}`);
  }
  out.push(
    '',
    `Read ${stats.files} file(s): ${stats.lines} lines, ${stats.records} records, ${stats.skipped} skipped, ${stats.errorCount} errors`,
  );
  // Which format read each file (detected, or as asked with --format).
  for (const f of stats.perFile) {
    out.push(`  ${f.file}: read as ${f.format ?? 'nothing (unreadable)'}`);
    const fallback = timeFallbackNote(f, (ms) => formatZonedFull(ms, 'UTC'));
    if (fallback !== null) out.push(`    ${fallback}`);
    if (f.yearAssumed !== null) {
      const clause = yearAssumedClause(f.yearAssumed, f.capturedAt);
      out.push(`    Its times carry no year: they were ${clause}. --year YYYY reads them in another.`);
    }
    const routine = routineReasons(f);
    if (routine !== null) out.push(`    No events from it: ${routine}.`);
  }
  for (const e of stats.errors.slice(0, 20)) out.push(`  ${e.file}:${e.line}: ${e.reason}`);
  if (stats.errorCount > 20)
    out.push(`  … and ${stats.errorCount - 20} more errors (use --json for all kept)`);
  return `${out.map(terminalSafe).join('\n')}\n`;
}
