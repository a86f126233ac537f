/**
 * Epoch timestamps of unknown unit. The unit is picked by magnitude (integer digits):
 * ≤ 11 → seconds (up to year 5138), 12–14 → ms, 15–17 → µs, 18+ → ns. Sub-millisecond parts
 * are truncated so the result is an exact integer of ms.
 */

/** Epoch ms from a digit string such as `"1454884927.000002"`, `"1534860261221373"` or ns text. */
export function parseEpochText(s: string): number | null {
  const n = s.length;
  if (n === 0) return null;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && dot < 0 && i > 0) dot = i;
    else if (c < 48 || c > 57) return null;
  }
  if (dot === n - 1) return null;
  const intPart = dot < 0 ? s : s.slice(0, dot);
  // Leading zeros would fool the magnitude test.
  let start = 0;
  while (start < intPart.length - 1 && intPart.charCodeAt(start) === 48) start++;
  const int = intPart.slice(start);
  const len = int.length;
  if (len <= 11) {
    let ms = Number(int) * 1000;
    if (dot >= 0) {
      const frac = (s.slice(dot + 1, dot + 4) + '00').slice(0, 3);
      ms += Number(frac);
    }
    return ms;
  }
  // Dropping trailing digits of the text keeps ns/µs exact where floats would not.
  if (len <= 14) return Number(int);
  if (len <= 17) return Number(int.slice(0, len - 3));
  if (len <= 20) return Number(int.slice(0, len - 6));
  return null;
}

/** Epoch ms from a JSON number or BigInt of unknown unit; null for negatives and non-finite values. */
export function parseEpochNumber(v: number | bigint): number | null {
  if (typeof v === 'bigint') {
    if (v < 0n) return null;
    return parseEpochText(v.toString());
  }
  if (!Number.isFinite(v) || v < 0) return null;
  if (v < 1e11) return Math.floor(Math.round(v * 1e6) / 1000);
  if (v < 1e14) return Math.floor(v);
  if (v < 1e17) return Math.floor(v / 1e3);
  // Above 2^53 a JS number is already off by up to a few hundred ns; ms stays right except at edges.
  if (v < 1e20) return Math.floor(v / 1e6);
  return null;
}
