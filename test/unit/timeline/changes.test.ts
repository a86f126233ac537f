import { describe, expect, it } from 'vitest';
import type { KeyTimes } from '../../../shared/domain';
import { EMPTY_KEY_TIMES } from '../../../shared/domain';
import { suggestionsFromFindings } from '../../../shared/causes/suggestions';
import { importTexts } from '../../../shared/import/pipeline';
import type { ChangeInfo, ChangePhase } from '../../../shared/import/types';
import { ChangeAnalysis } from '../../../shared/timeline/changes';
import { MIN, raw, T0 } from './helpers';

function change(id: string, component: string, phase: ChangePhase, weight: number | null = null): ChangeInfo {
  return {
    id,
    changeKind: 'software',
    description: null,
    targets: [{ component, region: null, slice: null }],
    phase,
    weight,
  };
}

const impactAt = (at: number): KeyTimes => ({ ...EMPTY_KEY_TIMES, impactStartAt: at });
const ids = (ref: number): string => `e${ref}`;

describe('rollout findings from the change model', () => {
  it('flags a canary that jumps to 100% of traffic in one step', () => {
    const a = new ChangeAnalysis<number>();
    [20, 100].forEach((w, i) =>
      a.add(
        raw({
          at: T0 + i * MIN,
          message: `set weight ${w}`,
          service: 'web',
          change: change('r1', 'web', 'step', w),
        }),
        'change',
        `set weight ${w}`,
        i,
      ),
    );
    const found = a.findings(EMPTY_KEY_TIMES, ids);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'unstaged-rollout',
      change: 'r1',
      components: ['web'],
      eventIds: ['e1'],
    });
    expect(found[0]!.message).toContain('from 20% to 100%');
  });

  it('leaves a staged canary alone, its promotion from half-way included', () => {
    const a = new ChangeAnalysis<number>();
    [10, 20, 30, 50, 100].forEach((w, i) =>
      a.add(
        raw({
          at: T0 + i * 10 * MIN,
          message: `w ${w}`,
          service: 'web',
          change: change('r1', 'web', 'step', w),
        }),
        'change',
        'w',
        i,
      ),
    );
    expect(a.findings(EMPTY_KEY_TIMES, ids)).toEqual([]);
  });

  it('never treats an injected fault as a rollout', () => {
    const a = new ChangeAnalysis<number>();
    a.add(
      raw({
        at: T0,
        message: 'fault 100%',
        service: 'web',
        injected: true,
        change: change('exp-1', 'web', 'started', 100),
      }),
      'change',
      'fault',
      0,
    );
    expect(a.findings(EMPTY_KEY_TIMES, ids).filter((f) => f.code !== 'change-before-impact')).toEqual([]);
  });
});

describe('change-before-impact', () => {
  function analysis(): ChangeAnalysis<number> {
    const a = new ChangeAnalysis<number>();
    a.add(
      raw({
        at: T0,
        message: 'deploy api v2 started',
        service: 'api',
        change: change('api-v2', 'api', 'started'),
      }),
      'change',
      'deploy api v2',
      0,
    );
    a.add(
      raw({
        at: T0 + 5 * MIN,
        message: 'deploy api v2 done',
        service: 'api',
        change: change('api-v2', 'api', 'completed'),
      }),
      'change',
      'deploy api v2 done',
      1,
    );
    a.add(
      raw({
        at: T0 + 20 * MIN,
        message: 'db config push',
        service: 'db',
        change: change('db-7', 'db', 'completed'),
      }),
      'change',
      'db config',
      2,
    );
    a.add(
      raw({
        at: T0 - 3 * 60 * MIN,
        message: 'old api deploy',
        service: 'api',
        change: change('api-v1', 'api', 'completed'),
      }),
      'change',
      'old',
      3,
    );
    a.add(raw({ at: T0 + 25 * MIN, message: 'api 500s', service: 'api' }), 'impact', 'api 500s', 4);
    return a;
  }

  it('names a change on the impacted service that completed within the window before impact', () => {
    const found = analysis()
      .findings(impactAt(T0 + 25 * MIN), ids)
      .filter((f) => f.code === 'change-before-impact');
    // db-7 touched another service; api-v1 is three hours old.
    expect(found.map((f) => f.change)).toEqual(['api-v2']);
    expect(found[0]).toMatchObject({ at: T0 + 5 * MIN, components: ['api'], eventIds: ['e0', 'e1'] });
    expect(found[0]!.message).toContain(
      'completed on api at 2014-11-19 00:05:00 UTC, 20 min before impact started',
    );
    expect(found[0]!.message).toContain('window 60 min');
  });

  it('ranks several changes by closeness and follows the window option', () => {
    const a = analysis();
    a.add(
      raw({
        at: T0 + 24 * MIN,
        message: 'flag on',
        service: 'api',
        change: change('flag-9', 'api', 'completed'),
      }),
      'change',
      'flag',
      5,
    );
    const found = a.findings(impactAt(T0 + 25 * MIN), ids).filter((f) => f.code === 'change-before-impact');
    // Findings are in time order; each says its rank by closeness to impact start.
    expect(found.map((f) => f.change)).toEqual(['api-v2', 'flag-9']);
    expect(found[1]!.message).toContain('1 min before impact started');
    expect(found[1]!.message).toContain('(closest 1 of 2)');
    expect(found[0]!.message).toContain('(closest 2 of 2)');
    const narrow = new ChangeAnalysis<number>({ changeWindowMs: 10 * MIN });
    narrow.add(
      raw({ at: T0, message: 'x', service: 'api', change: change('api-v2', 'api', 'completed') }),
      'change',
      'x',
      0,
    );
    narrow.add(raw({ at: T0 + 25 * MIN, message: 'err', service: 'api' }), 'impact', 'err', 1);
    expect(narrow.findings(impactAt(T0 + 25 * MIN), ids)).toEqual([]);
  });

  it('offers an injected fault as "did not tolerate", never as the cause', () => {
    const a = new ChangeAnalysis<number>();
    a.add(
      raw({
        at: T0,
        message: 'inject latency',
        service: 'api',
        injected: true,
        change: change('exp-1', 'api', 'started'),
      }),
      'change',
      'inject',
      0,
    );
    a.add(raw({ at: T0 + 2 * MIN, message: 'api timeouts', service: 'api' }), 'impact', 'api timeouts', 1);
    const found = a.findings(impactAt(T0 + 2 * MIN), ids);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'change-before-impact', injected: true, change: 'exp-1' });
    const imp = {
      id: 'imp',
      incidentId: 'i',
      fileName: 'fis.json',
      format: 'x',
      options: { format: null, zone: 'UTC', year: null },
      stats: { lines: 1, records: 1, skipped: 0, errorCount: 0, bytes: 1, firstAt: null, lastAt: null },
      errors: [],
      findings: found,
      blockCount: 0,
      importedAt: 1,
    };
    const [s] = suggestionsFromFindings([imp], []);
    expect(s!.title).toBe('api did not tolerate the injected fault exp-1');
    expect(s!.category).toBe('technology');
  });

  it('sees changes written as plain log lines too', () => {
    const at = (m: number): string => new Date(T0 + m * MIN).toISOString();
    const text = [
      `${at(0)} INFO api: deployment of api v2.3 rolled out`,
      ...Array.from({ length: 5 }, (_, i) => `${at(10 + i)} ERROR api: request failed`),
    ].join('\n');
    const result = importTexts([{ name: 'app.log', text }], { zone: 'UTC' });
    const found = result.findings.filter((f) => f.code === 'change-before-impact');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ change: null, components: ['api'] });
    expect(found[0]!.message).toContain('"deployment of api v2.3 rolled out"');
    const changeEvent = result.events.find((e) => e.kind === 'change')!;
    expect(found[0]!.eventIds).toEqual([changeEvent.id]);
  });
});
