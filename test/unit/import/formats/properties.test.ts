import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFormats } from '../../../../shared/import/formats/index';
import { runText } from './run';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Text that looks a little like logs so parsers get past their first checks. */
const logish = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '{"time":"2024-01-01T00:00:00Z","msg":"x"}',
        '{"specversion":"1.0","type":"a.deploy.started","time":"2024-01-01T00:00:00Z"}',
        '{"@level":"info","@message":"m","@timestamp":"2024-01-01T00:00:00Z","type":"apply_start","hook":{"resource":{"addr":"a.b"}}}',
        '{"id":"EXP1","log_type":"action-start","event_timestamp":"2024-01-01T00:00:00Z","details":{"action_targets":{"T":"T"}}}',
        '{"Index":1,"Events":[{"Topic":"Allocation","Type":"AllocationUpdated","Payload":{"Allocation":{"ClientStatus":"failed","ModifyTime":1}}}]}',
        '{"Index":2,"Events":[{"Topic":"Deployment","Payload":{}}]}',
        '{}',
        '<34>1 2024-01-01T00:00:00Z h a - - [x k="v"] m',
        'Jan  1 00:00:00 h t[1]: m',
        '2024-01-01 00:00:00 INFO x',
        'time=2024-01-01T00:00:00Z level=info msg=x',
        '1.2.3.4 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 200 1',
        'a,b,c',
        '{',
        '[',
        ']',
        '}',
        '"',
        '\t at x',
        '',
      ),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

describe('every line parser', () => {
  for (const f of allFormats().filter((x) => x.mode === 'lines')) {
    it(`${f.id} never throws and accounts for every line`, () => {
      fc.assert(
        fc.property(logish, fc.integer({ min: 1, max: 20 }), (text, chunk) => {
          const r = runText(f.id, text, { chunk });
          // JSON formats may read a buffered document where several values share a line.
          if (r.records.length + r.skipped.length + r.errors.length !== r.lines) {
            const onePerLine = text.split('\n').every((l) => !/^\s*[[{]/.test(l) || /^\s*\{.*\}\s*$/.test(l));
            expect(onePerLine).toBe(false);
          }
          for (const rec of r.records) expect(Number.isInteger(rec.at)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const f of allFormats().filter((x) => x.mode === 'document')) {
    it(`${f.id} document parser never throws`, () => {
      fc.assert(
        fc.property(fc.oneof(logish, fc.json()), (text) => {
          runText(f.id, text);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('slack archive never throws on arbitrary entries', () => {
    const slack = allFormats().find((f) => f.id === 'slack');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.constantFrom('users.json', 'c/2024-01-01.json', 'x'),
            text: fc.oneof(fc.string(), fc.json()),
          }),
        ),
        (entries) => {
          slack?.archive?.(entries, {
            file: 'x.zip',
            zone: 'UTC',
            year: null,
            mapping: null,
            sink: { record() {}, error() {}, skip() {} },
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a simple JSONL file has lines = records + skipped + errors for each JSON line format', () => {
    const text =
      '\ufeff# c\r\n{"time":"2024-01-01T00:00:00Z","msg":"a","__REALTIME_TIMESTAMP":"1","resourceLogs":[]}\r\n\r\nnot json\n{"x":1}';
    for (const id of ['cloudevents', 'jsonl', 'journald', 'otlp', 'terraform', 'aws-fis', 'nomad-events']) {
      const r = runText(id, text);
      expect(r.lines).toBe(5);
      expect(r.records.length + r.skipped.length + r.errors.length).toBe(5);
    }
  });
});

describe('orchestrator and fault-injection formats', () => {
  /** Values shaped like each format's records, with holes and wrong types. */
  const hostile = fc.oneof(
    fc.json(),
    fc.constantFrom(
      '{"events":[{"eventType":"EVENT_TYPE_ACTIVITY_TASK_FAILED","eventTime":"2024-01-01T00:00:00Z"},null,{"timestamp":"x"}]}',
      '{"events":[{"eventType":"WorkflowExecutionStarted","timestamp":1700000000000000000,"workflowExecutionStartedEventAttributes":null}]}',
      '[{"application":"a","startTime":1,"stages":[null,{"type":"deploy","context":{"clusters":[null,{"availabilityZones":null}]}}]}]',
      '{"kind":"Rollout","apiVersion":"argoproj.io/v1alpha1","status":{"conditions":[{"reason":"RolloutAborted"},null]}}',
      '{"kind":"Application","status":{"history":[{"deployedAt":"2024-01-01T00:00:00Z"},{}],"operationState":{"phase":"Failed"}}}',
      'ID  DATE  REVISION\n0  2024-01-01 00:00:00 +0000 UTC  abc\nnonsense',
      '{"items":[{"involvedObject":{"kind":"PodChaos","apiVersion":"chaos-mesh.org/v1alpha1"},"reason":"Applied","firstTimestamp":"2024-01-01T00:00:00Z"},{"involvedObject":{"kind":"Canary"},"message":"Advance x canary weight 500","eventTime":"2024-01-01T00:00:00Z"}]}',
    ),
  );
  for (const id of ['temporal', 'spinnaker', 'argo', 'k8s-events']) {
    it(`${id} never throws and keeps every record at an integer time`, () => {
      fc.assert(
        fc.property(hostile, (text) => {
          const r = runText(id, text);
          for (const rec of r.records) {
            expect(Number.isInteger(rec.at)).toBe(true);
            const w = rec.change?.weight;
            if (w !== undefined && w !== null) expect(w >= 0 && w <= 100).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('line formats account for every line when each line is one frame', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '{"@level":"info","@message":"m","@timestamp":"2024-01-01T00:00:00Z","type":"apply_errored"}',
            '{"id":"E","log_type":"experiment-end","event_timestamp":"2024-01-01T00:00:00Z","details":{}}',
            '{"Index":1,"Events":[{"Topic":"Job","Type":"JobRegistered","Payload":{"Job":{"ID":"j","SubmitTime":1}}},{"Topic":"Node"}]}',
            '{"Index":1,"Events":"x"}',
            '{}',
            'garbage',
            '',
          ),
          { maxLength: 15 },
        ),
        (lines) => {
          for (const id of ['terraform', 'aws-fis', 'nomad-events']) {
            const r = runText(id, lines.join('\n'), { capturedAt: 0 });
            const recordLines = new Set(r.records.map((x) => x.source.line)).size;
            expect(recordLines + r.skipped.length + r.errors.length).toBe(r.lines);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('csv', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'B', '7', ' ', ',', '"', '\n', '\r\n', ';', 'é'),
    maxLength: 12,
  });
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  it('reads back every message a CSV writer wrote, newlines and quotes included', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.integer({ min: 1, max: 30 }), (messages, chunk) => {
        const rows = messages.map(
          (m, i) => `2024-01-01T00:00:${String(i).padStart(2, '0')}Z,svc,${quote(m)}`,
        );
        const text = ['time,service,message', ...rows].join('\n');
        const r = runText('csv', text, { chunk });
        expect(r.errors).toEqual([]);
        // The parser trims cells and treats an empty message as ''; compare the same way.
        expect(r.records.map((x) => x.message)).toEqual(messages.map((m) => m.replace(/\r\n/g, '\n').trim()));
        expect(r.records.length + r.skipped.length + r.errors.length).toBe(r.lines);
      }),
      { numRuns: RUNS },
    );
  });
});
