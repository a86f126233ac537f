import { describe, expect, it } from 'vitest';
import { createFileDecoder } from '../../../../renderer/workers/decode';

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

describe('createFileDecoder', () => {
  it('drops a UTF-8 BOM and decodes characters split across chunks', () => {
    const d = createFileDecoder('a.log');
    const bytes = new TextEncoder().encode('\uFEFFcafé ✓\n');
    const first = d.push(bytes.subarray(0, 6));
    const second = d.push(bytes.subarray(6));
    expect(`${String(first)}${String(second)}${d.end()}`).toBe('café ✓\n');
  });

  it('reads UTF-16 LE with a BOM', () => {
    const d = createFileDecoder('w.log');
    expect(`${String(d.push(utf16le('line one\r\n')))}${d.end()}`).toBe('line one\r\n');
  });

  it('refuses binary data with a message naming the file', () => {
    const d = createFileDecoder('core.dump');
    const out = d.push(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    expect(out).toEqual({ problem: expect.stringContaining('core.dump') as unknown });
  });
});
