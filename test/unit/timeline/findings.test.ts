import { describe, expect, it } from 'vitest';
import { FindingCollector, isStepType } from '../../../shared/timeline/findings';
import type { ChangeInfo } from '../../../shared/import/types';
import { MIN, T0 } from './helpers';

const REGIONS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

function change(id: string, targets: [string, string | null][]): ChangeInfo {
  return {
    id,
    changeKind: 'config',
    description: null,
    targets: targets.map(([component, region]) => ({ component, region, slice: null })),
  };
}

function collector(): FindingCollector<string> {
  const c = new FindingCollector<string>();
  for (const r of REGIONS) {
    c.seen('table-fe', r);
    c.seen('blob-fe', r);
  }
  return c;
}

describe('isStepType', () => {
  it('knows the step suffixes', () => {
    expect(isStepType('com.x.deploy.started')).toBe(true);
    expect(isStepType('flag.changed')).toBe(true);
    expect(isStepType('com.x.deploy.completed')).toBe(false);
    expect(isStepType(null)).toBe(false);
  });
});

describe('FindingCollector', () => {
  it('reports a one-shot global rollout to a component the change never ran on', () => {
    const c = collector();
    c.step({
      at: T0,
      change: change('C1', [['table-fe', 'r1']]),
      service: null,
      region: null,
      ref: 'flight',
    });
    c.step({
      at: T0 + 60 * MIN,
      change: change('C1', [
        ['table-fe', null],
        ['blob-fe', null],
      ]),
      service: null,
      region: null,
      ref: 'global',
    });
    const found = c.findings((ref) => `event-${ref}`);
    expect(found.map((f) => f.code)).toEqual(['unstaged-rollout', 'untested-target']);
    const [unstaged, untested] = found;
    expect(unstaged).toMatchObject({
      change: 'C1',
      components: ['blob-fe', 'table-fe'],
      regions: REGIONS,
      eventIds: ['event-global'],
      at: T0 + 60 * MIN,
    });
    expect(unstaged!.message).toContain('12 of 12');
    expect(untested).toMatchObject({ components: ['blob-fe'], eventIds: ['event-global'] });
    expect(untested!.message).toContain('only run on table-fe');
  });

  it('accepts a staged rollout (one region per step, same components)', () => {
    const c = collector();
    REGIONS.forEach((r, i) =>
      c.step({
        at: T0 + i * 30 * MIN,
        change: change('C2', [['table-fe', r]]),
        service: null,
        region: null,
        ref: r,
      }),
    );
    expect(c.findings((ref) => ref)).toEqual([]);
  });

  it('treats per-target steps of one change within the wave window as one step', () => {
    const c = collector();
    REGIONS.forEach((r, i) =>
      c.step({
        at: T0 + i * 1000,
        change: change('C3', [['blob-fe', r]]),
        service: null,
        region: null,
        ref: r,
      }),
    );
    const found = c.findings((ref) => ref);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'unstaged-rollout', eventIds: REGIONS });
  });

  it('honours the share option and uses the record service when there are no targets', () => {
    const c = new FindingCollector<string>({ maxStepShare: 0.5 });
    for (const r of REGIONS) c.seen('api', r);
    c.step({ at: T0, change: null, service: 'api', region: 'r1', ref: 'a' });
    c.step({
      at: T0 + MIN,
      change: change('C4', [
        ['api', 'r1'],
        ['api', 'r2'],
        ['api', 'r3'],
      ]),
      service: null,
      region: null,
      ref: 'b',
    });
    c.step({
      at: T0 + 5 * MIN,
      change: change('C5', [
        ['api', 'r1'],
        ['api', 'r2'],
        ['api', 'r3'],
        ['api', 'r4'],
      ]),
      service: null,
      region: null,
      ref: 'c',
    });
    expect(c.findings((ref) => ref).map((f) => f.eventIds[0])).toEqual(['c']);
  });
});
