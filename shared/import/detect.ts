import { allFormats } from './formats/index';
import type { FormatDef } from './types';

/** How much of the file head detection looks at. */
export const DETECT_HEAD_CHARS = 1024;

export interface Detection {
  id: string;
  confidence: number;
  /** Formats with a non-zero score, best first (ties in registry order). */
  candidates: { id: string; confidence: number }[];
}

/**
 * Guesses a file's format from its first KB and its name. Deterministic: ties go to the
 * format listed first in `formats` (every format of allFormats() unless a caller adds its own). Nothing recognised → `text` with low confidence.
 * A zip (name ends `.zip` or head starts with `PK`) is a Slack export.
 */
export function detectFormat(
  head: string,
  fileName: string,
  formats: readonly FormatDef[] = allFormats(),
): Detection {
  const sample = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).slice(0, DETECT_HEAD_CHARS);
  const scored = formats.map((f, order) => {
    let confidence = 0;
    try {
      confidence = f.detect(sample, fileName);
    } catch {
      // A detector bug must not break import; the format just does not claim the file.
      confidence = 0;
    }
    return {
      id: f.id,
      confidence: Number.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0,
      order,
    };
  });
  scored.sort((a, b) => b.confidence - a.confidence || a.order - b.order);
  const candidates = scored.filter((s) => s.confidence > 0).map(({ id, confidence }) => ({ id, confidence }));
  const best = candidates[0];
  if (best === undefined) return { id: 'text', confidence: 0.05, candidates: [] };
  return { id: best.id, confidence: best.confidence, candidates };
}
