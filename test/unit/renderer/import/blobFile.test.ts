import { describe, expect, it } from 'vitest';
import { generateOrchestratorLines } from '../../../../scripts/generators/orchestrator-log';
import type { LogRecord } from '../../../../shared/domain';
import { formatsWith } from '../../../../shared/import/formats/user';
import { PIECE_BYTES } from '../../../../shared/import/encoding';
import { createImport } from '../../../../shared/import/pipeline';
import { SegmentPool, serveSegment } from '../../../../shared/import/segmentPool';
import type { SegmentJob, SegmentReply } from '../../../../shared/import/segmentPool';
import { readBlobFile } from '../../../../renderer/workers/blobFile';
import type { BlobFileHooks } from '../../../../renderer/workers/blobFile';
import { blobSource } from '../../../../renderer/workers/blobSource';
import { createFileDecoder } from '../../../../renderer/workers/decode';
import type { JobFile } from '../../../../renderer/workers/importProtocol';

const OPTIONS = { zone: 'Europe/Paris', year: null } as const;

/**
 * Segment workers in this process: each request is served from the blob as a Web Worker
 * would (small reads, packed batches structured-cloned), its replies delayed so segments end
 * out of order and the merge must put them back. `inThread`: the first member is one of the
 * pool's own thread, as the CLI's is (batches not packed, replies at once).
 */
function inProcessPool(size: number, blob: Blob, log: { terminated: number }, inThread: boolean) {
  return new SegmentPool<Omit<SegmentJob, 'id'>>(size, (reply, _crash, index) => {
    let alive = true;
    const own = inThread && index === 0;
    const handle = {
      inThread: own,
      post: (request: SegmentJob) => {
        const delay = (97 * (request.task.index + 1)) % 13;
        const send = (r: SegmentReply) => {
          if (own) {
            reply(handle, r);
            return;
          }
          const copy = structuredClone(r);
          setTimeout(() => alive && reply(handle, copy), delay);
        };
        void serveSegment(formatsWith([]), blobSource(blob, 4096), request, send, !own);
      },
      terminate: () => {
        alive = false;
        log.terminated++;
        return undefined;
      },
    };
    return handle;
  });
}

/** The one-worker path of the app: chunks decoded (createFileDecoder) and streamed in. */
function oneWorker(name: string, bytes: Uint8Array): { json: string; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const imp = createImport({ ...OPTIONS, onRecord: (r) => records.push(r) });
  const input = imp.addFile(name);
  const decoder = createFileDecoder(name);
  for (let at = 0; at < bytes.length; at += 65_536) {
    const text = decoder.push(bytes.subarray(at, at + 65_536));
    if (typeof text !== 'string') throw new Error(text.problem);
    input.push(text);
  }
  input.push(decoder.end());
  input.end();
  return { json: JSON.stringify(imp.finish()), records };
}

async function pooled(
  name: string,
  bytes: Uint8Array,
  workers: number,
  signal = new AbortController().signal,
  onRecord: (r: LogRecord) => void = () => undefined,
  log = { terminated: 0 },
  inThread = false,
) {
  const records: LogRecord[] = [];
  const progress: number[] = [];
  const imp = createImport({
    ...OPTIONS,
    onRecord: (r) => {
      records.push(r);
      onRecord(r);
    },
  });
  const blob = new Blob([bytes.slice()]);
  const file: JobFile = {
    name,
    size: bytes.length,
    importId: 'I',
    capturedAt: null,
    format: null,
    container: 'blob',
    mapping: null,
  };
  // As the import worker does: the file is added only when it is read in order.
  let input: ReturnType<typeof imp.addFile> | null = null;
  const decoder = createFileDecoder(name);
  const hooks: BlobFileHooks = {
    chunk: (b) => (input ??= imp.addFile(name)).push(decoder.push(b) as string),
    end: () => {
      input ??= imp.addFile(name);
      input.push(decoder.end());
      input.end();
    },
    progressed: (n) => progress.push(n),
    room: () => Promise.resolve(),
  };
  await readBlobFile(
    imp,
    file,
    blob,
    { ...OPTIONS, workers, startPool: (size, b) => inProcessPool(size, b, log, inThread) },
    hooks,
    signal,
  );
  return { json: JSON.stringify(imp.finish()), records, progress, log };
}

const encode = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n') + '\n');

describe('the app reads a large file in segments: the import is the one worker’s', () => {
  // 12,000 lines of ~400 bytes: more than one SEGMENT_BYTES segment, with broken and swapped lines.
  const orchestrator = encode([
    ...generateOrchestratorLines({ lines: 12_000, malformed: 0.01, outOfOrder: 0.02, mixedOffsets: true }),
  ]);

  it('an orchestrator log through 0 (the import worker alone), 1, 2 and 4 segment workers gives the same result', async () => {
    const one = oneWorker('orchestrator.jsonl', orchestrator);
    for (const workers of [0, 1, 2, 4]) {
      const many = await pooled('orchestrator.jsonl', orchestrator, workers);
      expect(many.json).toBe(one.json);
      expect(many.records).toEqual(one.records);
      // Progress is combined over the segments and ends at the file's size.
      expect(many.progress.at(-1)).toBe(orchestrator.length);
      expect([...many.progress].sort((a, b) => a - b)).toEqual(many.progress);
    }
  });

  it('a pool whose first member parses in its own thread (unpacked batches) gives the same result', async () => {
    const one = oneWorker('orchestrator.jsonl', orchestrator);
    for (const workers of [2, 3]) {
      const noop = () => undefined;
      const many = await pooled(
        'orchestrator.jsonl',
        orchestrator,
        workers,
        undefined,
        noop,
        undefined,
        true,
      );
      expect(many.json).toBe(one.json);
      expect(many.records).toEqual(one.records);
    }
  });

  it('text with stack traces, a byte-order mark and multi-byte characters cut anywhere', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const t = new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString();
      lines.push(`${t} ${i % 7 === 0 ? 'ERROR' : 'INFO'} svc.γάμμα: job ${i} 漢字 🚀`);
      if (i % 11 === 0) lines.push(`    at worker.run (file.js:${i})`, `Caused by: béta failed`);
    }
    const bytes = new TextEncoder().encode('\ufeff' + lines.join('\r\n'));
    const one = oneWorker('app.log', bytes);
    const many = await pooled('app.log', bytes, 3);
    expect(many.json).toBe(one.json);
    expect(many.records).toEqual(one.records);
  });

  it('a format that does not split (CSV) is read in order by the import worker itself', async () => {
    const rows = ['time,level,message'];
    for (let i = 0; i < 20_000; i++)
      rows.push(`2024-05-01T00:00:${String(i % 60).padStart(2, '0')}Z,info,"row ${i}"`);
    const bytes = encode(rows);
    const one = oneWorker('rows.csv', bytes);
    const many = await pooled('rows.csv', bytes, 4);
    expect(many.json).toBe(one.json);
    expect(many.log.terminated).toBe(0);
  });

  it('aborting stops every segment worker and the read fails', async () => {
    const controller = new AbortController();
    const log = { terminated: 0 };
    let seen = 0;
    const run = pooled(
      'orchestrator.jsonl',
      orchestrator,
      2,
      controller.signal,
      () => {
        if (++seen === 100) controller.abort();
      },
      log,
    );
    await expect(run).rejects.toThrow(/stopped/);
    expect(log.terminated).toBe(2);
  });
});

describe('blobSource', () => {
  it('decodes each 1 MB read in pieces of at most PIECE_BYTES, characters cut at the edges', async () => {
    const line = 'aé漢🚀'.repeat(50) + '\n';
    const text = line.repeat(Math.ceil((3 * (1 << 20)) / Buffer.byteLength(line)));
    const bytes = new TextEncoder().encode(text);
    const out: string[] = [];
    await blobSource(new Blob([bytes])).text(0, bytes.length, (t) => {
      out.push(t);
      return true;
    });
    expect(out.join('')).toBe(text);
    expect(out.length).toBeGreaterThan(3 * ((1 << 20) / PIECE_BYTES) - 1);
    expect(out.every((t) => t.length <= PIECE_BYTES)).toBe(true);
  });
});
