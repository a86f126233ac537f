/**
 * Reads just enough of an incoming Hocuspocus message (lib0 encoding: varUint, varString,
 * varUint8Array) to decide on it before Hocuspocus applies it: which document, and whether it
 * carries a Yjs update (sync step 2 or update) that would be stored.
 */

/** Hocuspocus message types sent by providers (server `MessageType`). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync message types. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** An incoming message: a Yjs update to store, or something else (sync step 1, awareness…). */
export type ClientMessage = { documentName: string; update: Uint8Array | null };

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new Error('truncated message');
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (multiplier > 2 ** 53) throw new Error('malformed message (number too long)');
    }
  }

  bytesOf(): Uint8Array {
    const length = this.varUint();
    const end = this.at + length;
    if (end > this.bytes.length) throw new Error('truncated message');
    const out = this.bytes.subarray(this.at, end);
    this.at = end;
    return out;
  }

  string(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesOf());
  }
}

/** Decodes the head of a message; throws on a malformed one (Hocuspocus then closes it). */
export function readClientMessage(data: Uint8Array): ClientMessage {
  const reader = new Reader(data);
  const documentName = reader.string();
  const type = reader.varUint();
  if (type !== SYNC && type !== SYNC_REPLY) return { documentName, update: null };
  const syncType = reader.varUint();
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return { documentName, update: null };
  return { documentName, update: reader.bytesOf() };
}
