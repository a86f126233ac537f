/**
 * Points of a count-over-time sparkline (SVG polyline `points`), one per histogram bucket,
 * scaled into width × height with the largest bucket at the top.
 */
export function sparklinePoints(histogram: readonly number[], width: number, height: number): string {
  const n = histogram.length;
  if (n === 0) return '';
  const max = Math.max(1, ...histogram);
  const step = n === 1 ? 0 : width / (n - 1);
  return histogram
    .map((c, i) => {
      const x = n === 1 ? width / 2 : i * step;
      const y = height - (c / max) * height;
      return `${+x.toFixed(1)},${+y.toFixed(1)}`;
    })
    .join(' ');
}
