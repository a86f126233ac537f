import { newId } from '../../../shared/domain';
import { formatProblemText } from '../../../shared/import/textformats/compile';
import type { FormatFileText } from '../../../shared/import/textformats/load';
import { compileFormatFiles, loadFormatFile } from '../../../shared/import/textformats/load';
import { getDb } from '../db';
import type { FormatFileRow } from '../schema';

/** The user's format files, oldest first (the order their definitions are tried in). */
export async function listFormatFiles(): Promise<FormatFileRow[]> {
  return getDb().formatFiles.orderBy('addedAt').toArray();
}

/** What the import worker needs of the stored files: names and texts, in order. */
export async function formatFileTexts(): Promise<FormatFileText[]> {
  return (await listFormatFiles()).map((r) => ({ name: r.name, text: r.text }));
}

export type AddFormatFileResult = { ok: true; row: FormatFileRow } | { ok: false; problems: string[] };

/**
 * Validates a format file and stores it. Refused with every problem (file, line, JSON path,
 * reason) when it does not load, or when it defines a format name another stored file defines.
 */
export async function addFormatFile(
  name: string,
  text: string,
  now = Date.now(),
): Promise<AddFormatFileResult> {
  const loaded = loadFormatFile(text, name);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(formatProblemText) };
  const db = getDb();
  return db.transaction('rw', db.formatFiles, async () => {
    const existing = await listFormatFiles();
    const { problems } = compileFormatFiles([
      ...existing.map((r) => ({ name: r.name, text: r.text })),
      { name, text },
    ]);
    const clash = problems.filter((p) => p.file === name);
    if (clash.length > 0) return { ok: false as const, problems: clash.map(formatProblemText) };
    const row: FormatFileRow = {
      id: newId(now),
      name,
      text,
      formats: loaded.formats.map((f) => f.name),
      addedAt: now,
    };
    await db.formatFiles.add(row);
    return { ok: true as const, row };
  });
}

export async function removeFormatFile(id: string): Promise<void> {
  await getDb().formatFiles.delete(id);
}
