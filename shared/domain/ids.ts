const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A sortable, collision-resistant id (ULID layout: 10 chars of time, 16 of randomness).
 * `random` is injectable so tests and importers can be deterministic.
 */
export function newId(now: number = Date.now(), random: () => number = Math.random): string {
  let time = '';
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[Math.floor(random() * 32) % 32]!;
  return time + rand;
}

/**
 * A 64-bit hash of a string as 16 hex chars: two 32-bit FNV-style lanes (the second mixes in
 * the first), not the FNV-1a-64 algorithm and not cryptographic. Used for stable ids of imported
 * events (same source and content → same id, so re-import adds no duplicates) and content hashes.
 */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
  }
  const a = (h1 >>> 0).toString(16).padStart(8, '0');
  const b = (h2 >>> 0).toString(16).padStart(8, '0');
  return a + b;
}
