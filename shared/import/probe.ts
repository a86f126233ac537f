import { probeZoneFor, ZONE_PROBE_RECORDS } from './file-reader';
import type { FieldMapping, FormatDef, LineParser, ParseContext } from './types';

/** Feeds a file's first lines; `line` returns false once it has seen enough. */
export interface ZoneProbe {
  line(text: string, lineNo: number): boolean;
  /** The zone assumed for the file's times (they carry none), or null; see FileStats.zoneAssumed. */
  result(): string | null;
}

/**
 * The zone check of a file parsed in segments (the one-parser read does it in FileReader): the
 * first ZONE_PROBE_RECORDS lines read in the import's zone and in another one; a time that
 * moves with the zone had none of its own.
 */
export function createZoneProbe(
  def: FormatDef,
  options: { zone: string; year: number | null; mapping: FieldMapping | null },
): ZoneProbe {
  const make = (zone: string, out: number[]): LineParser | null => {
    const ctx: ParseContext = {
      file: '',
      zone,
      year: options.year,
      mapping: options.mapping,
      sink: {
        record: (raw) => {
          if (out.length < ZONE_PROBE_RECORDS) out.push(raw.at);
        },
        error: () => undefined,
        skip: () => undefined,
      },
    };
    return def.lines === undefined ? null : def.lines(ctx);
  };
  const seen: number[] = [];
  const probed: number[] = [];
  const own = make(options.zone, seen);
  const other = make(probeZoneFor(options.zone), probed);
  let open = true;
  const quietly = (run: () => void): void => {
    try {
      run();
    } catch {
      // The file's own parser reports the line.
    }
  };
  const close = (): void => {
    if (!open) return;
    open = false;
    quietly(() => own?.end());
    quietly(() => other?.end());
  };
  return {
    line(text, lineNo) {
      if (!open) return false;
      if (lineNo > ZONE_PROBE_RECORDS || probed.length >= ZONE_PROBE_RECORDS) {
        close();
        return false;
      }
      quietly(() => own?.line(text, lineNo));
      quietly(() => other?.line(text, lineNo));
      return true;
    },
    result() {
      close();
      for (let i = 0; i < probed.length && i < seen.length; i++) {
        if (seen[i] !== probed[i]) return options.zone;
      }
      return null;
    },
  };
}
