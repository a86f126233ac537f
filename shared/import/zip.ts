import { Unzip, UnzipInflate } from 'fflate';

/**
 * How much a zip may unpack to. Real log archives compress 5–50×, rarely past 100×; a zip bomb
 * unpacks a few MB into gigabytes (2 MB → 4.2 GB was seen). Below `ratioFloor` any ratio is
 * accepted (a small, very repetitive log is fine).
 */
export interface ZipLimits {
  /** Most bytes one archive may unpack to, all entries together. */
  maxBytes: number;
  /** Most unpacked bytes per archive byte read so far, once past `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxBytes: 2 * 2 ** 30,
  maxRatio: 200,
  ratioFloor: 64 * 2 ** 20,
};

/** Most unpacked text a Slack export may hold: its day files are parsed together, in memory. */
export const MAX_ARCHIVE_TEXT = 128 * 2 ** 20;

/** The refusal of a Slack export past MAX_ARCHIVE_TEXT. */
export function archiveTextMessage(archive: string): string {
  return `cannot read ${archive}: its Slack messages unpack to more than ${MAX_ARCHIVE_TEXT / 2 ** 20} MB, the most Rootline reads from one export`;
}

/** A zip refused by its limits, or not readable; the message names the archive and the reason. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** Where one entry's bytes go, as they are unpacked. */
export interface ZipEntrySink {
  data(chunk: Uint8Array): void;
  end(): void;
}

/** Bytes of the archive handed to the inflater at a time (at 1000:1, a 4 MB buffer at most). */
const SLICE = 4096;

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Unpacks a zip archive as a stream: push its bytes chunk by chunk (any split), and each file
 * entry's unpacked bytes go to the sink `onEntry` returns for it (null skips the entry without
 * unpacking it). Memory is one chunk and the inflate window, whatever the archive holds. Throws
 * a ZipError naming `archive` when it unpacks past `limits` (counted as it goes, so a zip bomb
 * is stopped early) or cannot be read.
 */
export function createZipStream(
  archive: string,
  onEntry: (path: string) => ZipEntrySink | null,
  limits: ZipLimits = ZIP_LIMITS,
): { push(chunk: Uint8Array, final: boolean): void } {
  let packed = 0;
  let unpacked = 0;
  let failure: ZipError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const check = (): void => {
    if (unpacked > limits.maxBytes) {
      throw new ZipError(
        `cannot read ${archive}: it unpacks to more than ${mib(limits.maxBytes)}, the most Rootline reads from one archive`,
      );
    }
    if (unpacked > limits.ratioFloor && unpacked > packed * limits.maxRatio) {
      throw new ZipError(
        `cannot read ${archive}: it unpacks to more than ${limits.maxRatio}× its size ` +
          `(${mib(packed)} → ${mib(unpacked)} so far), which log archives never do; refused as a likely zip bomb`,
      );
    }
  };
  unzip.onfile = (file) => {
    if (failure !== null || file.name.endsWith('/')) return;
    const sink = onEntry(file.name);
    if (sink === null) return;
    file.ondata = (err, chunk, final) => {
      if (failure !== null) return;
      if (err !== null) {
        failure = new ZipError(`cannot read ${archive}: ${file.name}: ${err.message}`);
        return;
      }
      unpacked += chunk.length;
      try {
        check();
      } catch (e) {
        failure = e as ZipError;
        file.terminate();
        return;
      }
      if (chunk.length > 0) sink.data(chunk);
      if (final) sink.end();
    };
    try {
      file.start();
    } catch (e) {
      failure = new ZipError(
        `cannot read ${archive}: ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  return {
    push(chunk, final) {
      if (failure !== null) throw failure;
      try {
        // Small slices: fflate inflates each push in one go, so one megabyte of a zip bomb
        // would become a gigabyte-sized buffer before a limit could be checked.
        for (let at = 0; at < chunk.length || (at === 0 && final); at += SLICE) {
          const slice = chunk.subarray(at, at + SLICE);
          packed += slice.length;
          unzip.push(slice, final && at + SLICE >= chunk.length);
          if (failure !== null) break;
        }
      } catch (e) {
        if (e instanceof ZipError) failure = e;
        else if (failure === null)
          failure = new ZipError(
            `cannot read ${archive}: not a readable zip archive (${e instanceof Error ? e.message : String(e)})`,
          );
      }
      if (failure !== null) throw failure;
    },
  };
}

/** The file entries of a zip (paths, in archive order), read without unpacking anything. */
export function zipEntryNames(archive: string): {
  push(chunk: Uint8Array, final: boolean): void;
  readonly names: string[];
} {
  const names: string[] = [];
  const stream = createZipStream(archive, (path) => {
    names.push(path);
    return null;
  });
  return { push: (chunk, final) => stream.push(chunk, final), names };
}
