import { describe, expect, it } from 'vitest';
import { createImport } from '../../../shared/import/pipeline';

// A stack trace belongs to its record (evidence) but does not name the event.
describe('multi-line records', () => {
  it('title the event with the first line; the trace stays with the record', () => {
    const records: string[] = [];
    const imp = createImport({ zone: 'UTC', onRecord: (r) => records.push(r.message) });
    const input = imp.addFile('app.log');
    input.push(
      [
        '2015-07-29 19:04:12,394 - ERROR [main:QuorumPeer@123] - Unexpected exception, tries=0',
        'java.lang.IllegalStateException: bad state',
        '\tat org.example.Peer.run(Peer.java:42)',
        '2015-07-29 19:04:13,000 - INFO  [main:QuorumPeer@130] - LOOKING',
        '',
      ].join('\n'),
    );
    input.end();
    const result = imp.finish();
    const impact = result.events.filter((e) => e.kind === 'impact');
    expect(impact).toHaveLength(1);
    expect(impact[0]!.title).not.toMatch(/IllegalStateException|\n/);
    expect(impact[0]!.title).toMatch(/Unexpected exception/);
    expect(records[0]).toContain('java.lang.IllegalStateException: bad state');
  });
});
