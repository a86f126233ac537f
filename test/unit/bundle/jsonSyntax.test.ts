// Where a JSON text stops being JSON: found by reading it where the engine gives no position,
// and the same place the engine names where it gives one; the reason without the echoed input.
// Bundles, templates and format files all report their syntax errors through this one reading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonSyntaxProblem } from '../../../shared/bundle/jsonSyntax';
import { parseBundle } from '../../../shared/bundle/parse';
import { formatTemplateProblem, parseTemplate } from '../../../shared/templates/parse';
import { loadFormatFile } from '../../../shared/import/textformats/load';

const RUNS = Number(process.env.FC_RUNS ?? 200);

function thrown(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  throw new Error(`${JSON.stringify(text)} is JSON`);
}

/** JSON texts, pretty-printed or not, with a character inserted, replaced or the text cut. */
const broken = fc
  .tuple(
    fc.jsonValue(),
    fc.boolean(),
    fc.nat(),
    fc.constantFrom('x', '}', ']', ',', ':', '"', '\\', '\n', '-', '0', 'e', '.', '\u0001', 'tru', ''),
    fc.constantFrom('insert', 'replace', 'cut'),
  )
  .map(([value, pretty, at, piece, how]) => {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
    const i = at % (text.length + 1);
    if (how === 'cut') return text.slice(0, i);
    return text.slice(0, i) + piece + text.slice(how === 'replace' ? i + 1 : i);
  });

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null')).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('finds every text the engine refuses, at the position the engine names when it names one', () => {
    fc.assert(
      fc.property(broken, (text) => {
        let refused = false;
        try {
          JSON.parse(text);
        } catch {
          refused = true;
        }
        const offset = jsonErrorOffset(text);
        if (!refused) {
          expect(offset).toBeNull();
          return;
        }
        expect(offset).not.toBeNull();
        const error = thrown(text);
        const named = /at position (\d+)/.exec((error as Error).message)?.[1];
        if (named !== undefined) expect(offset).toBe(Number(named));
        // Whichever way V8 echoes the input (whole, or cut with "..." on either side), it is gone.
        expect(jsonSyntaxProblem(text, error).reason).not.toMatch(/is not valid JSON|at position/);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads nesting deeper than the stack as unknown, not as a crash', () => {
    expect(jsonErrorOffset(`${'['.repeat(200_000)}x`)).toBeNull();
  });
});

describe('jsonSyntaxProblem', () => {
  it('places an unexpected token V8 gives no position for, and drops the echoed input', () => {
    const text = '{\n  "a": 1,\n  "b": tru\n}';
    expect(jsonSyntaxProblem(text, thrown(text))).toEqual({
      at: { line: 3, column: 11 },
      reason: "Unexpected token '\n'",
    });
    const long = `{\n${'  "k": 1,\n'.repeat(40)}  "b": x\n}`;
    const problem = jsonSyntaxProblem(long, thrown(long));
    expect(problem).toEqual({ at: { line: 42, column: 8 }, reason: "Unexpected token 'x'" });
  });

  it('takes the position the engine names, and the end for a text that stops too soon', () => {
    expect(jsonSyntaxProblem('{"a" 1}', thrown('{"a" 1}'))).toEqual({
      at: { line: 1, column: 6 },
      reason: "Expected ':' after property name",
    });
    expect(jsonSyntaxProblem('{\n"a": [1,', thrown('{\n"a": [1,')).at).toEqual({ line: 2, column: 9 });
  });

  it('is what bundles, templates and format files report', () => {
    const text = '{\n  "name": "x",\n  "sections": nope\n}';
    const bundle = parseBundle(text, 'incident.rootline.json');
    expect(bundle).toEqual({
      ok: false,
      error: "incident.rootline.json is not valid JSON at line 3, column 16: Unexpected token 'o'.",
    });
    const template = parseTemplate(text, 'rca.json');
    expect(template.ok ? [] : template.problems.map(formatTemplateProblem)).toEqual([
      "rca.json: line 3: not valid JSON: Unexpected token 'o'",
    ]);
    const format = loadFormatFile(text, 'fmt.json');
    expect(format.ok ? [] : format.problems).toEqual([
      { file: 'fmt.json', line: 3, path: '', reason: "not valid JSON: Unexpected token 'o'" },
    ]);
  });
});
