import { describe, expect, it } from 'vitest';
import {
  causeCoverage,
  fishboneBones,
  kindFromLabel,
  kindLabel,
  suggestionsFromFindings,
} from '../../../shared/causes';
import type { ActionItem, ImportedLog } from '../../../shared/domain';
import { node } from './helpers';

function action(id: string, causeIds: string[], status: ActionItem['status'] = 'open'): ActionItem {
  return {
    id,
    incidentId: 'inc',
    title: id,
    description: '',
    owner: '',
    priority: 'P2',
    type: 'prevent',
    dueDate: null,
    status,
    statusReason: '',
    causeIds,
    ticketUrl: '',
    createdAt: 0,
    updatedAt: 0,
    completedAt: null,
  };
}

describe('coverage', () => {
  const nodes = [
    node('root', null, 1),
    node('rc', 'root', 1, { kind: 'root-cause' }),
    node('rc1', 'rc', 1, { kind: 'root-cause' }),
    node('cf', 'root', 2, { kind: 'contributing-factor' }),
    node('dg', 'root', 3, { kind: 'detection-gap' }),
    node('rg', 'root', 4, { kind: 'response-gap' }),
    node('tr', 'root', 5, { kind: 'trigger' }),
    node('mf', 'root', 6, { kind: 'mitigating-factor' }),
  ];

  it('lists the deepest actionable causes no live action addresses', () => {
    const c = causeCoverage(nodes, [action('a1', ['cf']), action('a2', ['dg'], 'wont-do')]);
    expect(c.needing.map((n) => n.id)).toEqual(['rc1', 'cf', 'dg', 'rg']);
    expect(c.uncovered.map((n) => n.id)).toEqual(['rc1', 'dg', 'rg']);
    expect(c.actionsByCause.get('cf')).toEqual(['a1']);
  });

  it('moves when a cause with causes under it gains an action item', () => {
    const before = causeCoverage(nodes, []);
    const after = causeCoverage(nodes, [action('a3', ['rc'])]);
    expect(before.uncovered.map((n) => n.id)).toContain('rc1');
    expect(after.uncovered.map((n) => n.id)).not.toContain('rc1');
    expect(after.needing.length - after.uncovered.length).toBe(
      before.needing.length - before.uncovered.length + 1,
    );
  });

  it('counts a root cause whose only child is its trigger as needing a fix', () => {
    const withTrigger = [
      ...nodes,
      node('rc2', 'root', 7, { kind: 'root-cause' }),
      node('t2', 'rc2', 1, { kind: 'trigger' }),
    ];
    const before = causeCoverage(withTrigger, []);
    expect(before.needing.map((n) => n.id)).toContain('rc2');
    const after = causeCoverage(withTrigger, [action('a4', ['rc2'])]);
    expect(after.uncovered.map((n) => n.id)).not.toContain('rc2');
  });

  it('counts done actions as addressing', () => {
    const all = ['rc1', 'cf', 'dg', 'rg'].map((id, i) => action(`a${i}`, [id], 'done'));
    expect(causeCoverage(nodes, all).uncovered).toEqual([]);
  });
});

describe('suggestions from import findings', () => {
  const imp: ImportedLog = {
    id: 'imp1',
    incidentId: 'inc',
    fileName: 'deploy.jsonl',
    format: 'jsonl',
    options: { format: null, zone: 'UTC', year: null },
    stats: { lines: 10, records: 10, skipped: 0, errorCount: 0, bytes: 100, firstAt: 0, lastAt: 1 },
    errors: [],
    findings: [
      {
        code: 'untested-target',
        at: 2000,
        message: 'Change 42 went to blob-fe, only tested on table-fe',
        change: '42',
        components: ['blob-fe'],
        regions: ['us-east'],
        eventIds: ['e3', 'gone'],
      },
      {
        code: 'unstaged-rollout',
        at: 1000,
        message: 'Change 42 reached 100% of targets in one wave',
        change: '42',
        components: ['blob-fe'],
        regions: ['us-east', 'eu-west'],
        eventIds: ['e1', 'e2'],
      },
    ],
    blockCount: 1,
    importedAt: 5,
  };

  it('offers each finding as a contributing factor with its existing evidence, in time order', () => {
    const s = suggestionsFromFindings([imp], [node('root', null, 1)], {
      eventIds: new Set(['e1', 'e2', 'e3']),
    });
    expect(s.map((x) => x.code)).toEqual(['unstaged-rollout', 'untested-target']);
    expect(s[0]).toMatchObject({
      kind: 'contributing-factor',
      title: 'Change 42 was rolled out everywhere at once, without staged deployment',
      evidenceEventIds: ['e1', 'e2'],
      category: 'process',
    });
    expect(s[1]!.evidenceEventIds).toEqual(['e3']);
    expect(s[1]!.title).toBe('Change 42 reached blob-fe where it was never tested');
  });

  it('hides accepted (same title) and dismissed suggestions, and duplicates across imports', () => {
    const first = suggestionsFromFindings([imp], [node('root', null, 1)]);
    const accepted = node('x', 'root', 1, { title: first[0]!.title.toUpperCase() });
    const rest = suggestionsFromFindings([imp, { ...imp, id: 'imp2' }], [node('root', null, 1), accepted], {
      dismissed: new Set([first[1]!.key]),
    });
    expect(rest).toEqual([]);
  });
});

describe('fishbone bones', () => {
  it('nests sub-causes of the same category and keeps uncategorised leaves visible', () => {
    const nodes = [
      node('root', null, 1),
      node('a', 'root', 1, { category: 'process' }),
      node('a1', 'a', 1, { category: 'process' }),
      node('a2', 'a', 2, { category: 'people' }),
      node('b', 'root', 2),
      node('b1', 'b', 1),
      node('m', 'root', 3, { kind: 'mitigating-factor', category: 'process' }),
      node('c', 'root', 4, { category: 'custom' }),
    ];
    const bones = fishboneBones(nodes, ['people', 'process']);
    expect(bones.map((b) => b.category)).toEqual(['people', 'process', 'custom', 'uncategorised']);
    expect(bones[1]!.causes.map((i) => [i.node.id, i.children.map((c) => c.node.id)])).toEqual([
      ['a', ['a1']],
    ]);
    expect(bones[3]!.causes.map((i) => i.node.id)).toEqual(['b1']);
  });
});

describe('kinds', () => {
  it('labels built-in kinds and makes new ones from labels', () => {
    expect(kindLabel('root-cause')).toBe('Root cause');
    expect(kindLabel('safety-net')).toBe('safety-net');
    expect(kindFromLabel('Contributing factor')).toBe('contributing-factor');
    expect(kindFromLabel('  Safety net! ')).toBe('safety-net');
  });
});
