import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../shared/import/pipeline';
import { generateOrchestratorLines } from '../../../scripts/gen-orchestrator-log';

const FIXTURE = new URL('../../fixtures/scenarios/azure-2014-orchestrator.jsonl', import.meta.url);
const GEN = { lines: 600, seed: 2014, malformed: 0.01, outOfOrder: 0.02, mixedOffsets: true };
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

describe('Azure 2014 orchestrator scenario', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const result = importTexts([{ name: 'azure-2014-orchestrator.jsonl', text }], { zone: 'UTC' });

  it('is what the seeded generator writes', () => {
    expect(`${[...generateOrchestratorLines(GEN)].join('\n')}\n`).toBe(text);
  });

  it('reads every line, reporting the malformed ones', () => {
    const s = result.stats;
    expect(s.lines).toBe(600);
    expect(s.lines).toBe(s.records + s.skipped + s.errorCount);
    expect(s.errorCount).toBeGreaterThan(0);
    expect(s.errors.every((e) => e.line > 0 && e.reason.length > 0)).toBe(true);
  });

  it('folds hundreds of lines into tens of events', () => {
    expect(result.events.length).toBeGreaterThanOrEqual(20);
    expect(result.events.length).toBeLessThanOrEqual(70);
    expect(result.events.some((e) => e.kind === 'log')).toBe(false);
    const ats = result.events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    const impacts = result.events.filter((e) => e.kind === 'impact');
    expect(impacts.some((e) => e.count > 3 && e.endAt !== null && e.endAt - e.at > 3_600_000)).toBe(true);
  });

  it('finds the phases', () => {
    const p = result.phases;
    // Blob FEs start looping from 00:51; the sparse fixture samples the first one within minutes.
    expect(p.impactStartAt).toBeGreaterThanOrEqual(Date.UTC(2014, 10, 19, 0, 51));
    expect(p.impactStartAt).toBeLessThan(Date.UTC(2014, 10, 19, 1, 20));
    expect(p.detectedAt).toBeGreaterThanOrEqual(p.impactStartAt!);
    expect(iso(p.mitigatedAt)).toBe('2014-11-19T01:50:00.000Z');
    expect(iso(p.recoveredAt)).toBe('2014-11-19T10:55:00.000Z');
    expect(iso(p.resolvedAt)).toBe('2014-11-19T11:45:00.000Z');
  });

  it('reports both rollout mistakes on the global enable, and the enable as the change before impact', () => {
    const global = result.events.find((e) => e.title.endsWith('enable in all regions'))!;
    expect(global.key).toBe(true);
    const byCode = new Map(result.findings.map((f) => [f.code, f]));
    expect([...byCode.keys()].sort()).toEqual([
      'change-before-impact',
      'unstaged-rollout',
      'untested-target',
    ]);
    const before = byCode.get('change-before-impact')!;
    expect(before).toMatchObject({ change: 'CHG-5127' });
    expect(before.components).toContain('blob-fe');
    expect(before.eventIds).toContain(global.id);
    expect(before.message).toContain('12 min before impact started');
    expect(byCode.get('unstaged-rollout')).toMatchObject({
      change: 'CHG-5127',
      components: ['blob-fe', 'table-fe'],
      eventIds: [global.id],
    });
    expect(byCode.get('unstaged-rollout')!.regions).toHaveLength(7);
    expect(byCode.get('untested-target')).toMatchObject({
      change: 'CHG-5127',
      components: ['blob-fe'],
      eventIds: [global.id],
      at: global.at,
    });
  });
});
