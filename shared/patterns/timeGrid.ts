/**
 * Per-cluster record counts on a time grid of power-of-two milliseconds aligned at the epoch:
 * the pattern histograms of an input too large to keep each record's time (16 million records
 * would cost 200 MB). The grid coarsens (its cell doubles) whenever the covered span exceeds
 * `maxCells` cells or the occupied cells exceed `maxEntries`. Both conditions only grow with the
 * input and only shrink as cells double, so the final cell width is the smallest that satisfies
 * them for the whole input: the result does not depend on the order records arrive in.
 */
export class TimeGrid {
  private width = 1;
  /** Absolute cell index (`floor(at / width)`) that relative cell 0 stands for. */
  private origin: number | null = null;
  private lo = Infinity;
  private hi = -Infinity;
  private cells: Map<number, number>[] = [];
  private entries = 0;

  constructor(
    private readonly maxCells = 1024,
    private readonly maxEntries = 1 << 20,
  ) {}

  add(cluster: number, at: number, times = 1): void {
    const abs = Math.floor(at / this.width);
    if (this.origin === null) this.origin = abs;
    const rel = abs - this.origin;
    while (this.cells.length <= cluster) this.cells.push(new Map());
    const cells = this.cells[cluster]!;
    const had = cells.get(rel);
    if (had === undefined) this.entries++;
    cells.set(rel, (had ?? 0) + times);
    if (rel < this.lo) this.lo = rel;
    if (rel > this.hi) this.hi = rel;
    while (this.hi - this.lo + 1 > this.maxCells || this.entries > this.maxEntries) this.coarsen();
  }

  /** Each cluster's counts per cell: `visit(cluster, cellStart, cellWidth, count)`. */
  forEach(visit: (cluster: number, start: number, width: number, count: number) => void): void {
    const origin = this.origin ?? 0;
    this.cells.forEach((cells, cluster) => {
      for (const [rel, count] of cells) visit(cluster, (rel + origin) * this.width, this.width, count);
    });
  }

  private coarsen(): void {
    const origin = this.origin!;
    const next = Math.floor(origin / 2);
    this.width *= 2;
    this.origin = next;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.entries = 0;
    this.cells = this.cells.map((cells) => {
      const merged = new Map<number, number>();
      for (const [rel, count] of cells) {
        const r = Math.floor((rel + origin) / 2) - next;
        const had = merged.get(r);
        if (had === undefined) this.entries++;
        merged.set(r, (had ?? 0) + count);
        if (r < this.lo) this.lo = r;
        if (r > this.hi) this.hi = r;
      }
      return merged;
    });
  }
}
