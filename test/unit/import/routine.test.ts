import { describe, expect, it } from 'vitest';
import { toText } from '../../../cli/render';
import { importTexts } from '../../../shared/import/pipeline';
import { routineReasons } from '../../../shared/import/routine';

const file = (
  records: number,
  format: number,
  warn: number,
  plain: number,
  name: string | null = 'github',
) => ({
  records,
  format: name,
  routine: { format, warn, plain },
});

describe('why a file yielded no event', () => {
  it('names each reason with its count, in words that agree with the count', () => {
    expect(routineReasons(file(1, 1, 0, 0))).toBe(
      '1 record is of a kind the github format reads as evidence, not as an event',
    );
    expect(routineReasons(file(2_000, 0, 80, 1_920))).toBe(
      "1,920 records below warning level, or with no level, name no failure, change, alert, mitigation or recovery; 80 warnings came at their pattern's usual rate (a warning becomes impact only in a burst above it)",
    );
    expect(routineReasons(file(3, 2, 1, 0, null))).toBe(
      "1 warning came at its pattern's usual rate (a warning becomes impact only in a burst above it); 2 records are of a kind its format reads as evidence, not as an event",
    );
  });

  it('says nothing of a file with no records, or with a record that became an event', () => {
    expect(routineReasons(file(0, 0, 0, 0))).toBeNull();
    expect(routineReasons(file(5, 0, 1, 3))).toBeNull();
  });

  it('the CLI says so under the header and under the file, and not for a file that gave events', () => {
    const routine = Array.from(
      { length: 20 },
      (_, i) => `2024-05-01T10:${String(i).padStart(2, '0')}:00Z INFO block ${i} received`,
    ).join('\n');
    const quiet = toText(importTexts([{ name: 'hdfs.log', text: routine }], { zone: 'UTC' }));
    const lines = quiet.split('\n');
    expect(lines[0]).toBe('Timeline (0 events, times in UTC)');
    expect(lines[1]).toMatch(/^No record became an event: every one read as routine/);
    const at = lines.findIndex((l) => l.startsWith('  hdfs.log: read as'));
    expect(lines[at + 1]).toBe(
      '    No events from it: 20 records below warning level, or with no level, name no failure, change, alert, mitigation or recovery.',
    );

    const mixed = toText(
      importTexts(
        [
          { name: 'hdfs.log', text: routine },
          { name: 'app.log', text: '2024-05-01T10:30:00Z ERROR disk failed\n' },
        ],
        { zone: 'UTC' },
      ),
    );
    expect(mixed).not.toContain('No record became an event');
    expect(mixed).toContain('    No events from it: 20 records');
    expect(mixed.match(/No events from it/g)).toHaveLength(1);
  });
});
