import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../../shared/import/pipeline';
import { fileNotes, findingsIntro, summaryCounts } from '../../../../renderer/features/import/summaryNotes';
import { timeFallbackNote } from '../../../../shared/import/timeFallback';
import type { Finding } from '../../../../shared/domain';

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
      {
        file: 'events.json',
        // Back-off warnings whose words name no failure: the Kubernetes reader keeps them as evidence.
        text: 'was read as one document (k8s-events): 3 records. It yielded no events: 3 records are of a kind the k8s-events format reads as evidence, not as an event.',
      },
    ]);
  });

  it('says why a file whose records all read as routine yielded no event, and only then', () => {
    const steady = Array.from(
      { length: 30 },
      (_, i) =>
        `2014-11-19T01:${String(i).padStart(2, '0')}:00Z WARN cache miss for key ${i}\n` +
        `2014-11-19T01:${String(i).padStart(2, '0')}:30Z INFO served request ${i}\n`,
    ).join('');
    const result = importTexts(
      [
        { name: 'routine.log', text: steady },
        { name: 'one.log', text: '2014-11-19T00:51:07Z INFO started\n' },
        { name: 'failing.log', text: `${steady}2014-11-19T02:00:00Z INFO request failed\n` },
      ],
      { zone: 'UTC' },
    );
    expect(result.stats.perFile.map((f) => f.routine)).toEqual([
      { format: 0, warn: 30, plain: 30 },
      { format: 0, warn: 0, plain: 1 },
      { format: 0, warn: 30, plain: 30 },
    ]);
    expect(fileNotes(result.stats.perFile)).toEqual([
      {
        file: 'routine.log',
        text: "yielded no events: 30 records below warning level, or with no level, name no failure, change, alert, mitigation or recovery; 30 warnings came at their pattern's usual rate (a warning becomes impact only in a burst above it).",
      },
      {
        file: 'one.log',
        text: 'yielded no events: 1 record below warning level, or with no level, names no failure, change, alert, mitigation or recovery.',
      },
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

describe('change findings and time fallback wording', () => {
  const finding = (code: Finding['code'], injected?: boolean): Finding => ({
    code,
    at: 0,
    message: 'm',
    change: 'c',
    components: ['checkout'],
    regions: [],
    eventIds: [],
    ...(injected === undefined ? {} : { injected }),
  });

  it('names every kind of change finding found, and the window only when change-before-impact is among them', () => {
    const both = findingsIntro([finding('unstaged-rollout'), finding('change-before-impact')], 45);
    expect(both).toMatch(
      /^The change analysis found 2 findings: unstaged-rollout \(.*\); change-before-impact \(/,
    );
    expect(both).toContain('finished up to 45 minutes before it began');
    expect(both).toContain('suggested contributing factor in the cause tree');
    expect(both).not.toContain('injected');
    const one = findingsIntro([finding('untested-target')], 60);
    expect(one).toMatch(/^The change analysis found 1 finding: untested-target/);
    expect(one).not.toContain('minutes');
    expect(findingsIntro([finding('change-before-impact', true)], 1)).toContain(
      'An injected fault is never offered as a cause',
    );
  });

  it('says how many records took the capture time, or the previous record when it was unknown', () => {
    const t = (ms: number) => new Date(ms).toISOString();
    expect(timeFallbackNote({ timeFallback: 0, records: 5, capturedAt: 0 }, t)).toBeNull();
    expect(timeFallbackNote({ timeFallback: 2, records: 7, capturedAt: Date.UTC(2026, 2, 14, 16) }, t)).toBe(
      "2 of 7 records had no time of their own: they were given the file's capture time, its last-modified time (2026-03-14T16:00:00.000Z).",
    );
    expect(timeFallbackNote({ timeFallback: 1, records: 1, capturedAt: null }, t)).toBe(
      "1 of 1 record had no time of their own and the file's capture time was unknown: they were given the previous record's time.",
    );
  });
});
