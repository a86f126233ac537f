import { describe, expect, it } from 'vitest';
import { toText } from '../../../cli/render';
import { createImport } from '../../../shared/import/pipeline';
import { YearlessYears } from '../../../shared/time/yearless';

/** Reads "MM-DD hh:mm" in a year, as a yearless parser would. */
const reader = (text: string) => (year: number) => Date.parse(`${year}-${text.replace(' ', 'T')}:00Z`);
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString().slice(0, 16));

function readAll(lines: string[], given: number | null, reference: string) {
  const told: number[] = [];
  const years = new YearlessYears(given, Date.parse(reference), (y) => told.push(y));
  return { at: lines.map((l) => iso(years.next(reader(l)))), told };
}

describe('the years of a log whose times carry none', () => {
  it('reads every time in the year given, whatever the lines say, and infers nothing', () => {
    expect(readAll(['12-31 23:59', '01-01 00:01'], 2014, '2026-06-01T00:00:00Z')).toEqual({
      at: ['2014-12-31T23:59', '2014-01-01T00:01'],
      told: [],
    });
  });

  it('starts in the year the file was saved in, and says so once', () => {
    expect(readAll(['06-14 15:16', '06-15 04:06', '07-01 09:00'], null, '2026-11-20T10:00:00Z')).toEqual({
      at: ['2026-06-14T15:16', '2026-06-15T04:06', '2026-07-01T09:00'],
      told: [2026],
    });
  });

  it('never starts after the save: a December log saved in January is of the year that ended', () => {
    expect(readAll(['12-30 22:00', '12-31 23:59', '01-01 00:01'], null, '2027-01-02T08:00:00Z')).toEqual({
      at: ['2026-12-30T22:00', '2026-12-31T23:59', '2027-01-01T00:01'],
      told: [2026],
    });
    // A day's slack: clocks and zones disagree by hours.
    expect(readAll(['01-02 20:00'], null, '2027-01-02T08:00:00Z').at).toEqual(['2027-01-02T20:00']);
  });

  it('rolls over at a big step back, and reads a late line right after one in the year before', () => {
    expect(
      readAll(
        ['12-31 23:58', '01-01 00:01', '12-31 23:59', '01-01 00:05', '03-01 10:00'],
        null,
        '2028-06-01T00:00:00Z',
      ).at,
    ).toEqual([
      '2027-12-31T23:58',
      '2028-01-01T00:01',
      '2027-12-31T23:59',
      '2028-01-01T00:05',
      '2028-03-01T10:00',
    ]);
  });

  it('a file of yearless syslog tells its import the year it was read from; one given a year does not', () => {
    const read = (year: number | null, capturedAt: number | null) => {
      const imp = createImport({ zone: 'UTC', year });
      const input = imp.addFile('messages', { capturedAt });
      input.push(
        'Dec 31 23:59:58 web1 nginx[311]: upstream timed out\nJan  1 00:00:01 web1 systemd[1]: started\n',
      );
      input.end();
      const result = imp.finish();
      return {
        yearAssumed: result.stats.perFile[0]!.yearAssumed,
        at: result.events.map((e) => new Date(e.at).toISOString().slice(0, 10)),
      };
    };
    expect(read(null, Date.parse('2015-01-02T00:00:00Z'))).toEqual({ yearAssumed: 2014, at: ['2014-12-31'] });
    expect(read(null, Date.parse('2015-12-31T23:59:59Z'))).toEqual({ yearAssumed: 2015, at: ['2015-12-31'] });
    expect(read(2010, Date.parse('2015-01-02T00:00:00Z'))).toEqual({ yearAssumed: null, at: ['2010-12-31'] });
  });

  it('the CLI says under the file which year it read them from, and how to give another', () => {
    const imp = createImport({ zone: 'UTC', year: null });
    const input = imp.addFile('messages', { capturedAt: Date.parse('2015-01-02T00:00:00Z') });
    input.push('Dec 31 23:59:58 web1 nginx[311]: upstream timed out\n');
    input.end();
    expect(toText(imp.finish())).toContain(
      '  messages: read as syslog_programs_log\n    Its times carry no year: they were read from 2014 on, the latest year that puts them before the file was last modified. --year YYYY reads them in another.\n',
    );
  });
});
