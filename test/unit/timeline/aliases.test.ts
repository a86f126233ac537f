import { describe, expect, it } from 'vitest';
import {
  canonicalService,
  guessAliases,
  normalizeAliases,
  serviceKey,
} from '../../../shared/timeline/aliases';
import { createImportWith } from '../../../shared/import/importer';
import { T0, pipeRegistry } from './helpers';

describe('serviceKey', () => {
  it('gives one key to the names of one service across sources', () => {
    const key = serviceKey('blob-frontend');
    expect(serviceKey('blob-fe')).toBe(key);
    expect(serviceKey('Deployment/blob-fe')).toBe(key);
    expect(serviceKey('blob-fe-5d8f9c7b6')).toBe(key);
    expect(serviceKey('blob-fe-5d8f9c7b6-x2k9p')).toBe(key);
    expect(serviceKey('BlobFrontend')).toBe(key);
    expect(serviceKey('blob_frontend')).toBe(key);
  });

  it('keeps different services apart', () => {
    expect(serviceKey('blob-be')).not.toBe(serviceKey('blob-fe'));
    expect(serviceKey('table-fe')).not.toBe(serviceKey('blob-fe'));
    // A word is not a generated hash: no digit in it.
    expect(serviceKey('payments-worker')).not.toBe(serviceKey('payments'));
  });
});

describe('guessAliases', () => {
  it('maps every name of a group to its most frequent name', () => {
    expect(
      guessAliases([
        { name: 'blob-frontend', count: 3 },
        { name: 'blob-fe', count: 40 },
        { name: 'blob-fe-5d8f9c7b6-x2k9p', count: 2 },
        { name: 'table-fe', count: 5 },
      ]),
    ).toEqual({ 'blob-frontend': 'blob-fe', 'blob-fe-5d8f9c7b6-x2k9p': 'blob-fe' });
  });

  it('keeps what the user chose', () => {
    const known = { 'blob-fe': 'Blob storage front end' };
    expect(
      guessAliases(
        [
          { name: 'blob-frontend', count: 50 },
          { name: 'blob-fe', count: 1 },
        ],
        known,
      ),
    ).toEqual({ 'blob-fe': 'Blob storage front end', 'blob-frontend': 'Blob storage front end' });
  });

  it('skips lists of components', () => {
    expect(guessAliases([{ name: 'Webhooks, API', count: 1 }])).toEqual({});
  });
});

describe('normalizeAliases', () => {
  it('follows chains and drops self, empty and cyclic entries', () => {
    expect(normalizeAliases({ a: 'b', b: 'c', d: 'd', e: ' ', x: 'y', y: 'x' })).toEqual({ a: 'c', b: 'c' });
    expect(canonicalService('a', { a: 'c' })).toBe('c');
    expect(canonicalService('toString', {})).toBe('toString');
    expect(canonicalService(null, { a: 'c' })).toBeNull();
  });
});

describe('an import with aliases', () => {
  it('folds records of one service named two ways into one event', () => {
    const text = [
      `${T0}|error|blob-frontend|eu|disk full on /var`,
      `${T0 + 1_000}|error|blob-fe|eu|disk full on /var`,
    ].join('\n');
    const imp = createImportWith(pipeRegistry, { zone: 'UTC', aliases: { 'blob-frontend': 'blob-fe' } });
    const input = imp.addFile('a.log');
    input.push(text);
    input.end();
    const { events } = imp.finish();
    expect(events.map((e) => [e.service, e.count])).toEqual([['blob-fe', 2]]);
  });
});
