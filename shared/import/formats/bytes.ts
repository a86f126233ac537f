/** Byte helpers without DOM/Node globals (shared/ has neither atob nor TextDecoder). */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (padding optional, whitespace ignored) or returns null when invalid. */
export function decodeBase64(s: string): number[] | null {
  const clean = s.replace(/\s+/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean.charAt(i));
    if (v < 0) return null;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return out;
}

/** UTF-8 bytes to text; invalid sequences fall back to Latin-1 so nothing throws. */
export function utf8(bytes: readonly number[]): string {
  let ascii = true;
  for (const b of bytes) {
    if (b > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return String.fromCharCode(...bytes.slice(0, 100_000));
  let pct = '';
  for (const b of bytes) pct += `%${(b & 0xff).toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(pct);
  } catch {
    return bytes.map((b) => String.fromCharCode(b & 0xff)).join('');
  }
}

/** True for an array of numbers 0..255 (journald writes non-UTF-8 MESSAGE fields this way). */
export function isByteArray(v: unknown): v is number[] {
  return (
    Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)
  );
}
