import { describe, expect, it } from 'vitest';
import {
  classifyKind,
  classifyRecord,
  classifyText,
  RecordClassifier,
} from '../../../shared/timeline/classify';
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

describe('kinds by level', () => {
  it('keeps routine INFO/DEBUG lines as evidence even when they name a timeout, an error or an exception', () => {
    for (const level of ['info', 'debug', 'trace', 'notice'] as const) {
      expect(
        classifyText('Established session 0x14ed with negotiated timeout 10000 for client', null, level),
      ).toBe('log');
      expect(classifyText('Expiring session 0x14ed, timeout of 10000ms exceeded', null, level)).toBe('log');
      expect(classifyText('Notification time out: 3200', null, level)).toBe('log');
      expect(classifyText('Got user-level KeeperException Error Path:/x Error:NodeExists', null, level)).toBe(
        'log',
      );
      expect(classifyText('session timeout=30s', null, level)).toBe('log');
    }
  });

  it('makes an INFO line impact only in a failure shape', () => {
    expect(classifyText('request to payments failed', null, 'info')).toBe('impact');
    expect(classifyText('upstream timed out after 30s', null, 'info')).toBe('impact');
    expect(classifyText('connect() to 10.0.0.7:80 failed: connection refused', null, 'info')).toBe('impact');
    expect(classifyText('backend unreachable', null, 'info')).toBe('impact');
    expect(classifyText('job finished with no failures', null, 'info')).toBe('log');
  });

  it('keeps change, mitigation and recovery shapes at any routine level', () => {
    expect(classifyText('Scaled up replica set blob-fe-7d9 to 3 (deployment blob-fe)', null, 'info')).toBe(
      'change',
    );
    expect(classifyText('rolled back to revision 41', null, 'debug')).toBe('mitigation');
    expect(classifyText('Webhooks is operating normally', null, 'info')).toBe('recovery');
  });

  it('leaves a WARN line as evidence unless it has a shape (the burst rule decides the rest)', () => {
    expect(classifyText('Connection broken for id 2, error =', null, 'warn')).toBe('log');
    expect(classifyText('caught end of stream exception', null, 'warn')).toBe('log');
    expect(classifyText('failed over to replica 2', null, 'warn')).toBe('mitigation');
  });

  it('makes ERROR and FATAL impact', () => {
    expect(classifyText('Unexpected exception causing shutdown while sock still open', null, 'error')).toBe(
      'impact',
    );
    expect(classifyText('shutting down', null, 'fatal')).toBe('impact');
    expect(classifyText('rollback completed', null, 'error')).toBe('mitigation');
  });

  it('keeps the keyword rules when no level is known', () => {
    expect(classifyText('uncaught exception in worker', null, null)).toBe('impact');
    expect(classifyText('timeout of 30s exceeded', null, null)).toBe('log');
  });
});

describe('RecordClassifier', () => {
  const SEC = 1_000;
  const warn = (at: number, message = 'Connection broken for id 3, my id = 1, error =') =>
    raw({ at, message, level: 'warn', service: 'QuorumCnxManager' });

  it('turns a WARN pattern into impact while it bursts above its own earlier rate', () => {
    const c = new RecordClassifier();
    const T0 = Date.UTC(2015, 6, 29, 17, 0);
    expect(c.kindOf(raw({ at: T0, message: 'Starting quorum peer', level: 'info' }), 0)).toBe('log');
    // A WARN every 20 minutes: routine.
    const routine = [20, 40, 60].map((m) => c.kindOf(warn(T0 + m * 60 * SEC), 0));
    expect(routine).toEqual(['log', 'log', 'log']);
    // Then twelve in twelve seconds.
    const burst = Array.from({ length: 12 }, (_, i) => c.kindOf(warn(T0 + 90 * 60 * SEC + i * SEC), 0));
    expect(burst.slice(0, 4)).toEqual(['log', 'log', 'log', 'log']);
    expect(burst.slice(4).every((k) => k === 'impact')).toBe(true);
    // The same message from another logger has its own rate.
    expect(c.kindOf({ ...warn(T0 + 90 * 60 * SEC + 13 * SEC), service: 'Other' }, 0)).toBe('log');
  });

  it('lets the format hint win and never judges non-WARN records by rate', () => {
    const c = new RecordClassifier();
    const T0 = Date.UTC(2020, 0, 1);
    c.kindOf(raw({ at: T0, message: 'start', level: 'info' }), 0);
    for (let i = 0; i < 20; i++) {
      expect(c.kindOf(raw({ at: T0 + 3_600_000 + i, message: 'cache miss', level: 'info' }), 0)).toBe('log');
      expect(c.kindOf({ ...warn(T0 + 3_600_000 + i), kindHint: 'communication' }, 0)).toBe('communication');
    }
  });
});
