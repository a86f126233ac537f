import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { getFormat } from '../../../../shared/import/formats/index';
import { builtinTextFormats, compileBuiltinDefinitions } from '../../../../shared/import/textformats/builtin';
import { LEVEL_OF } from '../../../../shared/import/textformats/compile';
import { DEFINITION_FILES } from '../../../../shared/import/textformats/defs/index';
import { FormatFile } from '../../../../shared/import/textformats/schema';
import type { FormatDefinition } from '../../../../shared/import/textformats/schema';
import { runWith } from './helpers';

function levelOf(level: string | undefined): string | null {
  return level === undefined ? null : LEVEL_OF[level as keyof typeof LEVEL_OF];
}

const DEFS_DIR = join(__dirname, '../../../../shared/import/textformats/defs');

interface Sample {
  format: string;
  line: string;
  level: string | undefined;
  at: string | undefined;
  service: string | null | undefined;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const json of Object.values(DEFINITION_FILES)) {
    const file = FormatFile.parse(json);
    for (const [name, def] of Object.entries(file)) {
      if (name === '$schema' || typeof def !== 'object') continue;
      for (const s of (def as FormatDefinition).sample) {
        out.push({
          format: name,
          line: s.line,
          level: s.level,
          at: s.expect?.at,
          service: s.expect?.service,
        });
      }
    }
  }
  return out;
}

describe('shipped format definitions', () => {
  it('lists every data file of the defs folder', () => {
    const onDisk = readdirSync(DEFS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(Object.keys(DEFINITION_FILES).sort()).toEqual(onDisk);
  });

  it('are stored exactly as the schema reads them (no stray keys)', () => {
    // builtin.ts compiles them without the schema: reading them through it must change nothing.
    for (const name of Object.keys(DEFINITION_FILES)) {
      const json: unknown = JSON.parse(readFileSync(join(DEFS_DIR, name), 'utf8'));
      const parsed = FormatFile.safeParse(json);
      expect(parsed.success, name).toBe(true);
      expect(parsed.data, name).toEqual(json);
    }
  });

  it("pass the check of their own samples a user's format file gets (skipped when the app starts)", () => {
    expect(() => compileBuiltinDefinitions(DEFINITION_FILES, true)).not.toThrow();
    // The check is on: a shipped definition whose sample its regex does not read is refused.
    const [file, json] = Object.entries(DEFINITION_FILES)[0]!;
    const defs = structuredClone(json) as Record<string, FormatDefinition>;
    const name = Object.keys(defs).find((k) => k !== '$schema')!;
    defs[name]!.sample = [{ line: 'not a line of this format' }];
    expect(() => compileBuiltinDefinitions({ [file]: defs }, true)).toThrow(/fails its own sample 1/);
    expect(() => compileBuiltinDefinitions({ [file]: defs })).not.toThrow();
  });

  it('ship at least 30 formats with unique names', () => {
    const names = builtinTextFormats().map((f) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
  });

  it('state the time and service of every sample (a sample without level reads as none)', () => {
    for (const s of samples()) {
      expect(s.at, `${s.format}: ${s.line}`).toBeDefined();
      expect(s.service, `${s.format}: ${s.line}`).not.toBeUndefined();
    }
  });

  it.each(samples().map((s) => [s.format, s.line, s] as const))(
    '%s reads its sample through the import pipeline: %s',
    (format, line, s) => {
      const r = runWith(getFormat(format)!, line, {
        year: s.at === undefined ? null : Number(s.at.slice(0, 4)),
      });
      expect(r.errors).toEqual([]);
      expect(r.records).toHaveLength(1);
      const rec = r.records[0]!;
      expect(new Date(rec.at).toISOString()).toBe(new Date(s.at!).toISOString());
      expect(rec.level).toBe(levelOf(s.level));
      expect(rec.service).toBe(s.service);
    },
  );

  it.each(builtinTextFormats().map((f) => [f.name] as const))(
    'detection on the samples of %s picks a format that reads them the same',
    (name) => {
      const own = samples().filter((s) => s.format === name);
      const head = `${own.map((s) => s.line).join('\n')}\n`;
      const chosen = detectFormat(head, 'app.log').id;
      const r = runWith(getFormat(chosen)!, head, { year: Number(own[0]!.at!.slice(0, 4)) });
      expect(
        r.records.map((x) => [new Date(x.at).toISOString(), x.level, x.service]),
        `chose ${chosen}`,
      ).toEqual(own.map((s) => [new Date(s.at!).toISOString(), levelOf(s.level), s.service]));
    },
  );
});
