// `rootline --help` must start at once: the built entry may statically reach only the registry
// and small helpers, never the import pipeline, the exporters or Lexical (those load per command).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build/cli.mjs';

/** Every built file the entry reaches through static imports (dynamic import() excluded). */
function staticClosure(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gms)) {
      queue.push(join(dirname(file), m[1]!));
    }
  }
  return seen;
}

/** The source modules esbuild bundled into a file (it marks each with a `// path` comment). */
function sourcesIn(text: string): string[] {
  return [...text.matchAll(/^\/\/ ((?:cli|shared|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
}

describe('the built CLI loads commands lazily', () => {
  it('reaches no import, export or Lexical module from the entry', async () => {
    const entry = await buildCli();
    const closure = staticClosure(entry);
    const sources = [...closure.values()].flatMap(sourcesIn);
    expect(sources).toContain('cli/commands/index.ts');
    expect(sources.filter((s) => /^shared\/(import|export|document|timeline)\/|lexical/.test(s))).toEqual([]);
    // The commands themselves are reachable only through import().
    expect(sources.filter((s) => /^cli\/commands\/(timeline|new|export|templates)\.ts$/.test(s))).toEqual([]);
  });

  it('reads logs with the shipped formats without loading the schema library (zod)', async () => {
    const entry = await buildCli();
    const chunks = join(dirname(entry), 'chunks');
    // The timeline command's own chunk (main loads it through import()) and the import worker.
    const timeline = readdirSync(chunks)
      .map((f) => join(chunks, f))
      .find((f) => sourcesIn(readFileSync(f, 'utf8')).includes('cli/commands/timeline.ts'));
    expect(timeline).toBeDefined();
    for (const start of [timeline!, join(dirname(entry), 'import-worker.mjs')]) {
      const sources = [...staticClosure(start).values()].flatMap(sourcesIn);
      expect(sources.length).toBeGreaterThan(10);
      expect(
        sources.filter((s) => s.startsWith('node_modules/zod/')),
        start,
      ).toEqual([]);
    }
  });
});
