import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../../shared/import/pipeline';
import { fileNotes, summaryCounts } from '../../../../renderer/features/import/summaryNotes';

const eventList = JSON.stringify(
  {
    apiVersion: 'v1',
    kind: 'EventList',
    items: [1, 2, 3].map((i) => ({
      kind: 'Event',
      involvedObject: { kind: 'Pod', name: `web-${i}`, namespace: 'prod' },
      firstTimestamp: `2014-11-19T00:5${i}:07Z`,
      lastTimestamp: `2014-11-19T00:5${i}:07Z`,
      message: `Back-off ${i}`,
      reason: 'BackOff',
      type: 'Warning',
      count: 1,
    })),
  },
  null,
  2,
);

describe('import summary truth', () => {
  it('counts a pretty-printed JSON document as records, not as skipped lines', () => {
    const result = importTexts(
      [
        { name: 'events.json', text: eventList },
        { name: 'app.log', text: '2014-11-19T00:51:07Z ERROR x\n\n2014-11-19T00:52:07Z INFO y\n' },
      ],
      { zone: 'UTC' },
    );
    expect(result.stats.perFile[0]?.document).toBe(true);
    expect(summaryCounts(result.stats)).toEqual({ lines: 3, skipped: 1 });
    expect(fileNotes(result.stats.perFile)).toEqual([
      { file: 'events.json', text: 'was read as one document (k8s-events): 3 records.' },
    ]);
  });

  it('gives empty and blank files their own message', () => {
    const result = importTexts(
      [
        { name: 'empty.log', text: '' },
        { name: 'blank.log', text: '\n\n  \n' },
      ],
      { zone: 'UTC' },
    );
    expect(fileNotes(result.stats.perFile)).toEqual([
      { file: 'empty.log', text: 'is empty (0 bytes): nothing was imported from it.' },
      { file: 'blank.log', text: 'holds no records: its 3 lines are blank, comments or headers.' },
    ]);
  });
});
