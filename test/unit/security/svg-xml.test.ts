import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineChartSvg, type ChartEvent } from '../../../shared/chart';
import { EMPTY_KEY_TIMES, type CauseNode } from '../../../shared/domain';
import { causeTreeSvg } from '../../../shared/export/causeSvg';
import { sampleSnapshot } from '../export/helpers';

/**
 * Issue 11, item 8: a control character in an event broke the swimlane SVG (invalid XML). No
 * SVG writer may emit a character XML 1.0 forbids, whatever the text.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const RUNS = Number(process.env.FC_RUNS ?? 200);
const T0 = Date.UTC(2024, 0, 1);

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    'a\u0000b',
    'x\u0008y',
    '\u001b[31m',
    '\ud800 lone',
    'end \udfff',
    '\ufffe\uffff',
    'ok\u0007',
  ),
);

describe('SVG writers emit well-formed XML characters only', () => {
  it('the swimlane chart, with any event text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nasty, nasty), { minLength: 1, maxLength: 5 }), nasty, (rows, title) => {
        const events: ChartEvent[] = rows.map(([t, s], i) => ({
          id: `e${i}\u0001`,
          at: T0 + i * 60_000,
          endAt: null,
          kind: 'impact',
          title: t,
          service: s,
          count: 1,
          key: true,
        }));
        const svg = timelineChartSvg(events, {
          width: 600,
          laneBy: 'service',
          zone: 'UTC',
          keyTimes: EMPTY_KEY_TIMES,
          title,
        });
        expect(svg).not.toMatch(XML_FORBIDDEN);
      }),
      { numRuns: RUNS },
    );
  });

  it('the cause diagram, with any cause text', () => {
    const causes = sampleSnapshot('azure-rca-2014').causes;
    fc.assert(
      fc.property(nasty, (text) => {
        const nodes: CauseNode[] = causes.map((c) => ({ ...c, title: text, detail: text }));
        expect(causeTreeSvg(nodes, text)).not.toMatch(XML_FORBIDDEN);
      }),
      { numRuns: RUNS },
    );
  });
});
