import type { KeyTimes } from '../domain';

/** Width of one character of an 11 px bold label, a little generous (no text metrics here). */
export const LABEL_CHAR_PX = 7;
/** Vertical distance between two rows of key-time labels. */
export const LABEL_ROW_PX = 12;
/** Least horizontal space between two labels on one row. */
const LABEL_GAP_PX = 6;

/** A key-time line's label, placed: which row above the plot and which side of its line. */
export interface PlacedLabel {
  label: string;
  x: number;
  /** 0 is the row nearest the plot. */
  row: number;
  /** `start`: the text begins just right of the line; `end`: it ends just left of it. */
  anchor: 'start' | 'end';
  /** The horizontal extent the text takes (estimated), for overlap checks. */
  left: number;
  right: number;
}

/** Estimated width of a label in the chart's key-time font. */
export function labelWidth(label: string): number {
  return label.length * LABEL_CHAR_PX;
}

/**
 * Places the labels of key-time lines (sorted by x or not) so that no two on one row overlap:
 * each goes on the lowest row where it fits right of its line (or left of it at the right edge
 * of the chart). Close key times (Impact, Detected and Mitigated a minute apart) take as many
 * rows as they need instead of overprinting ("ImpaMitigated").
 */
export function placeKeyLabels(lines: readonly { label: string; x: number }[], width: number): PlacedLabel[] {
  const rowsEnd: number[] = [];
  const placed: PlacedLabel[] = [];
  for (const l of [...lines].sort((a, b) => a.x - b.x)) {
    const w = labelWidth(l.label);
    const fitsRight = l.x + 3 + w <= width - 2;
    const anchor = fitsRight ? 'start' : 'end';
    const left = fitsRight ? l.x + 3 : l.x - 3 - w;
    const right = left + w;
    let row = rowsEnd.findIndex((end) => end + LABEL_GAP_PX <= left);
    if (row < 0) row = rowsEnd.length;
    rowsEnd[row] = right;
    placed.push({ label: l.label, x: l.x, row, anchor, left, right });
  }
  return placed;
}

const LINE_LABELS: readonly (readonly [keyof KeyTimes, string])[] = [
  ['impactStartAt', 'Impact'],
  ['detectedAt', 'Detected'],
  ['mitigatedAt', 'Mitigated'],
  ['recoveredAt', 'Recovered'],
  ['resolvedAt', 'Resolved'],
];

/** The key times inside [from, to] as labelled x positions. */
export function keyTimeLines(
  kt: KeyTimes,
  from: number,
  to: number,
  xOf: (t: number) => number,
): { label: string; x: number }[] {
  const lines: { label: string; x: number }[] = [];
  for (const [field, label] of LINE_LABELS) {
    const t = kt[field];
    if (t !== null && t >= from && t <= to) lines.push({ label, x: xOf(t) });
  }
  return lines;
}
