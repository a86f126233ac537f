import { describe, expect, it } from 'vitest';
import { formatZonedFull, zoneLabel } from '../../../shared/format/zoned';
import { formattableZone, isIanaZone, isKnownZone, isUtcZone, zonedToEpoch } from '../../../shared/time/zone';

const SPELLINGS = [
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT',
  'etc/gmt',
  'Etc/GMT+0',
  'Zulu',
  'Universal',
  'Z',
  'UT',
  '',
];
const AT = Date.UTC(2014, 10, 19, 0, 51, 7);

describe('one definition of "this zone is UTC"', () => {
  it.each(SPELLINGS)('%j: parsing, labels and formatting all read it as UTC', (zone) => {
    expect(isUtcZone(zone)).toBe(true);
    expect(isKnownZone(zone)).toBe(true);
    expect(zonedToEpoch(zone, 2014, 11, 19, 0, 51, 7, 0)).toBe(AT);
    expect(zoneLabel(AT, zone)).toBe('UTC');
    expect(formatZonedFull(AT, zone)).toBe('2014-11-19 00:51:07 UTC');
  });

  it('names Intl knows are formatted as themselves; the rest as UTC', () => {
    for (const zone of SPELLINGS) expect(formattableZone(zone)).toBe(isIanaZone(zone) ? zone : 'UTC');
  });

  it.each(['Europe/London', 'Etc/GMT+1', 'Africa/Abidjan', 'UTC+1', 'GMT1'])('%j is not UTC', (zone) => {
    expect(isUtcZone(zone)).toBe(false);
  });
});
