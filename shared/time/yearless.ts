/** Half a year: a yearless time this far behind the last one means the year rolled over. */
export const ROLLOVER_MS = 183 * 86_400_000;
/* A log's first time may pass its capture time by this much (clocks and zones disagree). */
const FUTURE_SLACK_MS = 86_400_000;

/**
 * The years of a log whose times carry none (RFC 3164 syslog `Jun 14 15:16:01`, a format whose
 * timestamp has no year), read in file order. With a `given` year (the import's), every time is
 * read in it. Without one, the first time is read in the year of `reference` (the file's capture
 * time, else now), or the year before when that would put it after the reference: a log does not
 * record its future, and a December log read in January belongs to the year that just ended.
 * After it, a big step back (Dec → Jan) starts the next year, and a big step forward right after
 * one (a late December line) belongs to the year before.
 */
export class YearlessYears {
  private year: number;
  private last: number | null = null;

  /** `onAssumed`: told the year the first time was read in, when it was inferred. */
  constructor(
    private readonly given: number | null,
    private readonly reference: number,
    private readonly onAssumed?: (year: number) => void,
  ) {
    this.year = given ?? new Date(reference).getUTCFullYear();
  }

  /**
   * A line's time: `read(year)` reads it in a year (null: the line has none), in the year the
   * lines before say. Returns null when it has none.
   */
  next(read: (year: number) => number | null): number | null {
    let at = read(this.year);
    if (at === null || this.given !== null) return at;
    const last = this.last;
    if (last === null) {
      if (at > this.reference + FUTURE_SLACK_MS) at = read(--this.year) ?? at;
      this.onAssumed?.(this.year);
    } else if (at < last - ROLLOVER_MS) {
      at = read(++this.year) ?? at;
    } else if (at > last + ROLLOVER_MS) {
      at = read(this.year - 1) ?? at;
    }
    this.last = at;
    return at;
  }
}
