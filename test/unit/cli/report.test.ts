import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryBundle, MIN } from '../../fixtures/libraryBundles';
import { rootline } from './rootline';

function library() {
  const dir = mkdtempSync(join(tmpdir(), 'rootline-report-'));
  mkdirSync(join(dir, 'q1', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'q1', 'a.rootline.json'), libraryBundle('A', Date.UTC(2026, 0, 5), 10, ['api']));
  writeFileSync(
    join(dir, 'q1', 'deep', 'b.rootline.json'),
    libraryBundle('B', Date.UTC(2026, 1, 5), 30, ['api', 'db']),
  );
  writeFileSync(join(dir, 'q1', 'c.rootline.json'), libraryBundle('C', Date.UTC(2026, 2, 5), null, ['db']));
  // Not a bundle by name: ignored in folders.
  writeFileSync(join(dir, 'q1', 'notes.json'), '{}');
  const broken = join(dir, 'broken.rootline.json');
  writeFileSync(broken, '{"format": "rootline-bundle", ');
  const old = join(dir, 'old.rootline.json');
  writeFileSync(old, libraryBundle('D', Date.UTC(2025, 5, 1), 5, ['api']));
  return { dir, broken, old };
}

describe('rootline report', () => {
  it('computes the figures over a folder (recursively) and bundle files; a broken bundle is named and the rest count', () => {
    const { dir, broken, old } = library();
    const r = rootline('report', join(dir, 'q1'), broken, old, '--from', '2026-01-01', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`rootline report: ${broken}: `);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    const doc = JSON.parse(r.stdout) as {
      incidentCount: number;
      bundles: { id: string }[];
      durations: { ttd: { overall: { count: number; median: number }; excluded: Record<string, number> } };
      signals: { kind: string; label: string; incidentIds: string[] }[];
      volume: { months: string[]; services: { service: string; total: number }[] };
    };
    // D is before --from: read, but not in the period.
    expect(doc.bundles.map((b) => b.id).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(doc.incidentCount).toBe(3);
    // A 10 min, B 30 min; C has no detection time.
    expect(doc.durations.ttd.overall).toMatchObject({ count: 2, median: 20 * MIN });
    expect(doc.durations.ttd.excluded).toEqual({ noImpactStart: 0, noEnd: 1, endBeforeStart: 0 });
    expect(doc.volume.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(doc.volume.services).toEqual([
      { service: 'api', total: 2, perMonth: [1, 1, 0] },
      { service: 'db', total: 2, perMonth: [0, 1, 1] },
    ]);
    // Every copy keeps the fixture's import finding (an unstaged rollout on checkout).
    expect(doc.signals.map((s) => [s.kind, s.label, s.incidentIds])).toEqual([
      ['finding', 'unstaged-rollout on checkout', ['C', 'B', 'A']],
      ['service', 'db', ['C', 'B']],
      ['service', 'api', ['B', 'A']],
    ]);
  });

  it('writes Markdown with the excluded incidents counted, and tidy CSV', () => {
    const { dir } = library();
    const md = rootline('report', join(dir, 'q1'), '--to', '2026-02-28');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Incident report: until 2026-02-28');
    expect(md.stdout).toContain('| Time to detect (MTTD) | 2 | 20m | 15m | 25m | 10m | 30m |');
    const all = rootline('report', join(dir, 'q1'));
    expect(all.stdout).toContain('- MTTD: 1 incident without a detection time');
    const csv = rootline('report', join(dir, 'q1'), '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('figure,row,column,value');
    expect(lines).toContain('ttd-by-service,api,Median (minutes),20');
    expect(lines).toContain('incidents-per-service,2026-02,db,1');
  });

  it('refuses a bad date or format naming the option and value', () => {
    const { dir } = library();
    const bad = rootline('report', dir, '--from', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'rootline report: --from "2026-02-30" is not a date (expected yyyy-MM-dd, e.g. 2026-03-31)\n',
    );
    expect(rootline('report', dir, '--format', 'xml').stderr).toContain('unknown format "xml"');
    const empty = mkdtempSync(join(tmpdir(), 'rootline-report-empty-'));
    const none = rootline('report', empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`${empty}: no *.rootline.json files in this folder`);
  });
});
