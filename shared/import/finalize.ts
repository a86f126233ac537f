import { hash64, MAX_STORED_ERRORS } from '../domain';
import type { ImportedLog, ImportOptions, LogPattern, TimelineEvent } from '../domain';
import type { ImportResult } from './importer';

/** What the app knows about each file of an import batch. */
export interface ImportedFileInfo {
  importId: string;
  fileName: string;
  format: string;
  bytes: number;
  blockCount: number;
}

/**
 * A stable id for one imported file in one incident: the same file imported again into the
 * same incident gets the same id, so its rows are rewritten rather than duplicated.
 */
export function importIdFor(incidentId: string, fileName: string, size: number, headSample: string): string {
  return `imp-${hash64(`${incidentId}\u0000${fileName}\u0000${size}\u0000${headSample}`)}`;
}

/**
 * Turns an import result into rows for one incident: events get incident-scoped ids (the
 * builder's ids are stable per content; two incidents importing one file must not collide),
 * each file gets an ImportedLog with its own accounting and errors. Findings, which span files,
 * are kept on the batch's first import.
 */
export function finalizeImport(
  result: ImportResult,
  ctx: { incidentId: string; files: ImportedFileInfo[]; options: Omit<ImportOptions, 'format'>; now: number },
): { events: TimelineEvent[]; imports: ImportedLog[]; patterns: LogPattern[] } {
  const idOf = (draftId: string): string => `ev-${hash64(`${ctx.incidentId}\u0000${draftId}`)}`;
  const importByFile = new Map(ctx.files.map((f) => [f.fileName, f.importId]));
  const firstImport = ctx.files[0]?.importId ?? null;

  const events: TimelineEvent[] = result.events.map((draft) => ({
    ...draft,
    id: idOf(draft.id),
    incidentId: ctx.incidentId,
    importId: importByFile.get(draft.sources[0]?.file ?? '') ?? firstImport,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));

  const imports: ImportedLog[] = ctx.files.map((f, i) => {
    const stats = result.stats.perFile.find((s) => s.file === f.fileName);
    const errors = result.stats.errors.filter((e) => e.file === f.fileName).slice(0, MAX_STORED_ERRORS);
    return {
      id: f.importId,
      incidentId: ctx.incidentId,
      fileName: f.fileName,
      format: stats?.format ?? f.format,
      options: { ...ctx.options, format: f.format },
      stats: {
        lines: stats?.lines ?? 0,
        records: stats?.records ?? 0,
        skipped: stats?.skipped ?? 0,
        errorCount: stats?.errorCount ?? 0,
        bytes: f.bytes,
        firstAt: stats?.firstAt ?? null,
        lastAt: stats?.lastAt ?? null,
      },
      errors,
      findings: i === 0 ? result.findings.map((x) => ({ ...x, eventIds: x.eventIds.map(idOf) })) : [],
      blockCount: f.blockCount,
      importedAt: ctx.now,
    };
  });
  return { events, imports, patterns: patternRows(result, ctx.incidentId, firstImport, idOf) };
}

/** The batch's patterns as rows of the incident (none when the batch had no file). */
function patternRows(
  result: ImportResult,
  incidentId: string,
  importId: string | null,
  idOf: (draftId: string) => string,
): LogPattern[] {
  const { firstAt, lastAt } = result.patternStats;
  if (importId === null || firstAt === null || lastAt === null) return [];
  return result.patterns.map((p) => ({
    id: `lp-${hash64(`${incidentId}\u0000${importId}\u0000${p.id}`)}`,
    incidentId,
    importId,
    patternKey: p.id,
    template: p.template,
    count: p.count,
    level: p.level,
    firstAt: p.firstAt,
    lastAt: p.lastAt,
    files: p.files,
    histogram: p.histogram,
    rangeFromAt: firstAt,
    rangeToAt: lastAt,
    eventIds: p.eventIds.map(idOf),
  }));
}
