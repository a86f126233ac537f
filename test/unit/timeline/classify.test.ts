import { describe, expect, it } from 'vitest';
import { classifyKind, classifyRecord, classifyText } from '../../../shared/timeline/classify';
import { raw } from './helpers';

describe('classifyText', () => {
  it.each([
    ['Deployed api v1.2.3 to prod', 'change'],
    ['rollout of build 42 started', 'change'],
    ['configuration pushed to edge', 'change'],
    ['connection timeout to 10.0.0.7', 'impact'],
    ['HTTP status=503 from upstream', 'impact'],
    ['request failed', 'impact'],
    ['Alert fired: p99 latency high', 'detection'],
    ['on-call paged', 'detection'],
    ['rollback of release 42 started', 'mitigation'],
    ['failed over to secondary', 'mitigation'],
    ['service recovered', 'recovery'],
    ['error rate back to normal', 'recovery'],
    ['job finished with no errors', 'log'],
    ['errors=0 warnings=2', 'log'],
    ['loaded config from /etc/app.yaml', 'log'],
    ['GET /page/2 200', 'log'],
    ['terrorist deployer', 'log'],
  ] as const)('%s → %s', (message, kind) => {
    expect(classifyText(message, null, 'info')).toBe(kind);
  });

  it('uses the level only as a tiebreak', () => {
    expect(classifyText('deploy failed', null, 'info')).toBe('change');
    expect(classifyText('deploy failed', null, 'error')).toBe('impact');
    expect(classifyText('something odd happened', null, 'error')).toBe('impact');
    expect(classifyText('something odd happened', null, 'fatal')).toBe('impact');
    expect(classifyText('something odd happened', null, 'debug')).toBe('log');
    expect(classifyText('something odd happened', null, null)).toBe('log');
  });

  it('reads the type as well as the message', () => {
    expect(classifyText('blob-fe', 'com.x.alert.fired', null)).toBe('detection');
  });
});

describe('classifyRecord', () => {
  it('lets kindHint win and flattens the change into attrs', () => {
    const r = raw({
      at: 1,
      message: 'error everywhere',
      kindHint: 'change',
      change: {
        id: 'C1',
        changeKind: 'config',
        description: 'd',
        targets: [
          { component: 'fe', region: 'eu', slice: '1' },
          { component: 'be', region: null, slice: null },
        ],
      },
    });
    expect(classifyKind(r)).toBe('change');
    const stored = classifyRecord(r);
    expect(stored.kind).toBe('change');
    expect(stored.attrs).toMatchObject({
      'change.id': 'C1',
      'change.kind': 'config',
      'change.targets': 'fe/eu/1, be/*',
    });
    expect(stored.source).toEqual(r.source);
  });
});
