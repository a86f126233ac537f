// `--jobs N`: large files parsed by a pool of worker_threads give the very output of one parser.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootline } from './rootline';

/** A text log over the split threshold whose records carry stack traces (continuation lines). */
function textLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const at = new Date(Date.UTC(2024, 4, 1, 10) + i * 1500).toISOString();
    const level = i % 50 === 7 ? 'ERROR' : i % 9 === 0 ? 'WARN' : 'INFO';
    lines.push(`${at} ${level} svc.api${i % 4}: request ${i} handled in ${i % 97} ms`);
    if (level === 'ERROR')
      lines.push('java.lang.IllegalStateException: boom', `    at a.b.C.run(C.java:${i})`, '');
  }
  return `${lines.join('\n')}\n`;
}

function cloudEvents(): string {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const type = i % 500 === 100 ? 'com.x.deploy.started' : 'com.x.health.ok';
    lines.push(
      JSON.stringify({
        specversion: '1.0',
        id: `e${i}`,
        source: '/o',
        type,
        subject: `svc-${i % 5}`,
        time: new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString(),
        data: { region: `r${i % 3}`, change: type.includes('deploy') ? `c${i}` : undefined },
      }),
    );
    if (i === 1500) lines.push('{"broken": ');
  }
  return `${lines.join('\n')}\n`;
}

describe('rootline timeline --jobs', () => {
  it('prints the same JSON with 1, 2 and 3 workers (text with stack traces, CloudEvents)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-jobs-'));
    const text = join(dir, 'app.log');
    const events = join(dir, 'events.jsonl');
    writeFileSync(text, textLog());
    writeFileSync(events, cloudEvents());
    const one = rootline('timeline', text, events, '--json', '--jobs', '1');
    expect(one.code, one.stderr).toBe(0);
    const parsed = JSON.parse(one.stdout) as { stats: { records: number; errors: { line: number }[] } };
    expect(parsed.stats.records).toBeGreaterThan(6000);
    expect(parsed.stats.errors.map((e) => e.line)).toEqual([1502]);
    for (const jobs of ['2', '3']) {
      const many = rootline('timeline', text, events, '--json', '--jobs', jobs);
      expect(many.code, many.stderr).toBe(0);
      expect(many.stdout).toBe(one.stdout);
    }
    const patterns = rootline('patterns', text, '--json', '--with-lines', '--jobs', '1');
    expect(rootline('patterns', text, '--json', '--with-lines', '--jobs', '2').stdout).toBe(patterns.stdout);
  }, 60_000);

  it('refuses a bad --jobs and documents it', () => {
    const bad = rootline('timeline', 'x.log', '--jobs', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs');
    expect(rootline('timeline', '--help').stdout).toMatch(/--jobs N/);
    expect(rootline('patterns', '--help').stdout).toMatch(/--jobs N/);
  });
});
