import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../shared/import/pipeline';

const naive = ['2014-11-19 00:51:07 ERROR front-end loop detected', '2014-11-19 00:52:10 INFO retrying'].join(
  '\n',
);
const zoned = [
  '2014-11-19T00:51:07Z ERROR front-end loop detected',
  '2014-11-19T00:52:10+00:00 INFO retrying',
].join('\n');
const jsonNaive = JSON.stringify(
  {
    apiVersion: 'v1',
    kind: 'EventList',
    items: [
      {
        kind: 'Event',
        involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'prod' },
        firstTimestamp: '2014-11-19 00:51:07',
        lastTimestamp: '2014-11-19 00:52:07',
        message: 'Back-off restarting failed container',
        reason: 'BackOff',
        type: 'Warning',
        count: 3,
      },
    ],
  },
  null,
  2,
);

describe('which files had no zone', () => {
  it('names the zone assumed for a text log whose times carry none, and only for it', () => {
    const result = importTexts(
      [
        { name: 'app.log', text: naive },
        { name: 'zoned.log', text: zoned },
      ],
      { zone: 'America/Los_Angeles' },
    );
    const byFile = Object.fromEntries(result.stats.perFile.map((f) => [f.file, f.zoneAssumed]));
    expect(byFile).toEqual({ 'app.log': 'America/Los_Angeles', 'zoned.log': null });
  });

  it('says UTC was assumed when UTC is the import zone', () => {
    const result = importTexts([{ name: 'app.log', text: naive }], { zone: 'UTC' });
    expect(result.stats.perFile[0]?.zoneAssumed).toBe('UTC');
    expect(result.stats.perFile[0]?.records).toBe(2);
  });

  it('checks whole-file formats too', () => {
    const result = importTexts([{ name: 'events.json', text: jsonNaive }], {
      zone: 'UTC',
      format: 'k8s-events',
    });
    const file = result.stats.perFile[0];
    expect(file?.records).toBeGreaterThan(0);
    expect(file?.zoneAssumed).toBe('UTC');
  });
});
