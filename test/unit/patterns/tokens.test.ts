import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitShape, maskedKey, patternKey } from '../../../shared/patterns/tokens';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/* Pieces that exercise every mask: numbers, durations, versions, addresses with ports, UUIDs,
 * hex, MAC-style bytes, dates written in the message, paths and URLs, hex-suffixed ids, level
 * headers, quotes and punctuation around them. `#` stands for a run of digits. */
const PIECES = [
  'GET',
  'INFO',
  'ERROR',
  'WARN',
  'RAS',
  'KERNEL',
  'node-#',
  'bfe-#',
  '#',
  '#%',
  '#.#',
  '-#',
  '+#,#',
  '#ms',
  '#.#s',
  '#min',
  'v#.#.#',
  '#.#.#.#',
  '#.#.#.#:#',
  '#.#.#.#.#',
  '0x#',
  '#abcdef',
  'deadbeef#',
  'a#b#c#d#-#e#f-#a#b-#c#d-#e#f#a#b#c#d',
  '#a:#b:#c:#d:#e:#f',
  '#-#-#-#-#-#',
  'Thu Aug # #:#:# PDT #',
  'Aug # #:#',
  '#:#:#',
  '/var/log/#/app.log',
  'http://host:#/v#/servers',
  './run-#.sh',
  'vm-cabac',
  'pod_#eadbeef',
  'blk_-#',
  '"quoted #"',
  "'it#'",
  '[req-# - -]',
  '(#)',
  'core.#',
  'lr:#',
  'user=#',
  'a_b#',
  'x#y',
  '#e#',
  ':',
  ',',
  '.',
  '\t',
  '  ',
];

const digitRun = fc.stringMatching(/^[0-9]{1,6}$/);

/** A message of pieces, each `#` filled with its own run of digits. */
const message = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.array(digitRun, { minLength: 8, maxLength: 8 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) =>
    parts
      .map(([piece, runs]) => {
        let k = 0;
        return piece.replace(/#/g, () => runs[k++ % runs.length]!);
      })
      .join(' '),
  );

describe('patternKey', () => {
  it('gives a message the key of its digit shape (digit values never decide a mask)', () => {
    fc.assert(
      fc.property(message, fc.boolean(), (m, headerLeft) => {
        expect(maskedKey(digitShape(m), headerLeft)).toBe(maskedKey(m, headerLeft));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('holds for any text too, digits or not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.boolean(), (m, headerLeft) => {
        expect(maskedKey(digitShape(m), headerLeft)).toBe(maskedKey(m, headerLeft));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('is the unmemoised key, for messages that share a shape and for those that do not', () => {
    const messages = [
      'Blob front-end bfe-14 at 100% CPU in request loop, 495 requests timed out',
      'Blob front-end bfe-35 at 100% CPU in request loop, 355 requests timed out',
      'Blob front-end bfe-35 at 99% CPU in request loop, 7 requests timed out',
      'Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6',
      'Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6',
      '[instance: 0a1b2c3d-4e5f-6789-abcd-ef0123456789] VM Started (Lifecycle Event)',
      'INFO dfs.DataNode: PacketResponder 1 for block blk_38865049064139660 terminating',
    ];
    for (const headerLeft of [false, true]) {
      for (const m of messages) expect(patternKey(m, headerLeft)).toBe(maskedKey(m, headerLeft));
    }
    expect(patternKey(messages[0]!)).toBe(
      'Blob front-end <*> at <*>% CPU in request loop, <*> requests timed out',
    );
  });

  it('writes every ASCII digit as 0 and nothing else', () => {
    expect(digitShape('bfe-14 at 100% (٣)')).toBe('bfe-00 at 000% (٣)');
    expect(digitShape('no digits')).toBe('no digits');
  });
});
