import type { EventKind, LogLevel } from '../../../shared/domain';
import type { FormatDef, RawRecord } from '../../../shared/import/types';
import type { FormatRegistry } from '../../../shared/import/importer';

/** A RawRecord with defaults, for tests that do not need a parser. */
export function raw(partial: Partial<RawRecord> & { at: number; message: string }): RawRecord {
  return {
    level: null as LogLevel | null,
    service: null,
    region: null,
    attrs: {},
    source: { file: 'test.log', line: 1 },
    kindHint: null as EventKind | null,
    type: null,
    change: null,
    repeat: 1,
    endAt: null,
    injected: false,
    ...partial,
  };
}

/**
 * A tiny line format for tests: `<epoch ms>|<level>|<service>|<region>|<message>`; blank lines
 * and `#` comments are skipped; anything else is an error.
 */
export const pipeFormat: FormatDef = {
  id: 'pipe',
  label: 'test pipe format',
  mode: 'lines',
  detect: () => 1,
  lines(ctx) {
    return {
      line(text, lineNo) {
        if (text.trim() === '' || text.startsWith('#')) return ctx.sink.skip(lineNo);
        const parts = text.split('|');
        const at = Number(parts[0]);
        if (parts.length !== 5 || !/^\d+$/.test(parts[0] ?? ''))
          return ctx.sink.error(lineNo, 'expected 5 fields');
        const level = (parts[1] || null) as LogLevel | null;
        ctx.sink.record(
          raw({
            at,
            level,
            service: parts[2] || null,
            region: parts[3] || null,
            message: parts[4] ?? '',
            source: { file: ctx.file, line: lineNo },
          }),
        );
      },
      end() {},
    };
  },
};

export const pipeRegistry: FormatRegistry = {
  getFormat: (id) => (id === 'pipe' ? pipeFormat : undefined),
  detectFormat: () => ({ id: 'pipe', confidence: 1 }),
};

export const T0 = Date.UTC(2014, 10, 19, 0, 0, 0);
export const MIN = 60_000;
