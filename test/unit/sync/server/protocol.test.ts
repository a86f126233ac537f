import { describe, expect, it } from 'vitest';
import { readClientMessage } from '../../../../cli/sync/protocol';

/** lib0's encoding: varUint, then varString / varUint8Array as length + bytes. */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const bytes = (b: Uint8Array) => [...varUint(b.length), ...b];
const text = (s: string) => bytes(new TextEncoder().encode(s));

describe('readClientMessage', () => {
  const update = new Uint8Array(300).fill(7);
  it('finds the update in sync step 2 and update messages, and nothing in others', () => {
    for (const syncType of [1, 2]) {
      const message = Uint8Array.from([...text('incident/I1/model'), 0, syncType, ...bytes(update)]);
      expect(readClientMessage(message)).toEqual({ documentName: 'incident/I1/model', update });
    }
    const step1 = Uint8Array.from([...text('incident/I1/model'), 0, 0, ...bytes(update)]);
    expect(readClientMessage(step1)).toEqual({ documentName: 'incident/I1/model', update: null });
    const awareness = Uint8Array.from([...text('incident/I1/review'), 1, ...bytes(update)]);
    expect(readClientMessage(awareness)).toEqual({ documentName: 'incident/I1/review', update: null });
  });

  it('throws on a truncated or malformed message', () => {
    const full = [...text('incident/I1/model'), 0, 2, ...bytes(update)];
    expect(() => readClientMessage(Uint8Array.from(full.slice(0, full.length - 1)))).toThrow(/truncated/);
    expect(() => readClientMessage(Uint8Array.from([5, 0x61]))).toThrow(/truncated/);
    expect(() => readClientMessage(Uint8Array.from([...Array(10).fill(0xff), 1]))).toThrow(/malformed/);
    expect(() => readClientMessage(Uint8Array.from([2, 0xc3, 0x28, 1]))).toThrow();
  });
});
