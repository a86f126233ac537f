import type { Finding, FindingCode } from '../../../shared/domain';
import type { FileStats, ImportStatsResult } from '../../../shared/import/importer';
import { routineReasons } from '../../../shared/import/routine';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

/**
 * The counts the summary shows. A file read as one document (pretty-printed JSON) has lines that
 * are only structure: they are neither records nor skipped lines, so they are left out of both.
 */
export function summaryCounts(stats: ImportStatsResult): { lines: number; skipped: number } {
  const lineFiles = stats.perFile.filter((f) => !f.document);
  return {
    lines: lineFiles.reduce((s, f) => s + f.lines, 0),
    skipped: lineFiles.reduce((s, f) => s + f.skipped, 0),
  };
}

/** What a file's own shape says (whole document, empty, no record), or null. */
function shapeNote(f: FileStats): string | null {
  if (f.bytes === 0) return 'is empty (0 bytes): nothing was imported from it.';
  if (f.document)
    return `was read as one document${f.format ? ` (${f.format})` : ''}: ${plural(f.records, 'record')}.`;
  if (f.records === 0 && f.errorCount === 0)
    return `holds no records: its ${plural(f.lines, 'line')} are blank, comments or headers.`;
  if (f.records === 0) return `yielded no records: none of its ${plural(f.lines, 'line')} could be read.`;
  return null;
}

/**
 * One note per file that needs one: whole documents, empty files, files with no record, and
 * files whose records all read as routine (why none became an event).
 */
export function fileNotes(perFile: readonly FileStats[]): { file: string; text: string }[] {
  const notes: { file: string; text: string }[] = [];
  for (const f of perFile) {
    const shape = shapeNote(f);
    const routine = routineReasons(f);
    const quiet = routine === null ? null : `yielded no events: ${routine}.`;
    const text = shape === null ? quiet : quiet === null ? shape : `${shape} It ${quiet}`;
    if (text !== null) notes.push({ file: f.file, text });
  }
  return notes;
}

/** What each change finding means, in words (the summary lists the codes that occurred). */
export const FINDING_LABELS: Record<FindingCode, string> = {
  'unstaged-rollout': 'a change reached all its targets at once, or a canary jumped to 100%',
  'untested-target': 'a change reached a kind of target it had never run on',
  'change-before-impact': 'a change finished shortly before impact began',
};

/**
 * The sentence above the change findings: which kinds were found, the window change-before-impact
 * used, and where the findings go. Honest about injected faults, which are never offered as causes.
 */
export function findingsIntro(findings: readonly Finding[], windowMinutes: number): string {
  const codes = [...new Set(findings.map((f) => f.code))];
  const kinds = codes.map((c) => `${c} (${FINDING_LABELS[c]})`).join('; ');
  const window = codes.includes('change-before-impact')
    ? ` Changes count as before impact when they finished up to ${plural(windowMinutes, 'minute')} before it began.`
    : '';
  const injected = findings.some((f) => f.injected === true)
    ? ' An injected fault is never offered as a cause: its suggestion is that the system did not tolerate it.'
    : '';
  return `The change analysis found ${plural(findings.length, 'finding')}: ${kinds}.${window} Each is offered as a suggested contributing factor in the cause tree.${injected}`;
}
