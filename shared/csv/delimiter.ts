/** The delimiters Rootline reads, in the order that wins a tie. */
export const CSV_DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The delimiter of a CSV file, decided from its header line alone (a description full of
 * semicolons in a data row can never change the dialect): whichever of comma, tab, semicolon
 * and pipe occurs most outside quotes; comma when none occurs or on a tie. Reading stops at
 * the first line break outside quotes, so the whole text may be passed.
 */
export function csvDelimiterOf(text: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = CSV_DELIMITERS[0];
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
