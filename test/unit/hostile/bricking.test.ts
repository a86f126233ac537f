import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle/parse';
import { ActionItem, EpochMs, Incident, TimelineEvent, ZoneName } from '../../../shared/domain';

/**
 * Issue 11, item 1: bundles that the schema used to accept and that then made every view of
 * the incident (and the incident list) throw "Invalid time zone specified" / "Invalid time value".
 */
const base = readFileSync(new URL('../../fixtures/bundles/v1-rich.rootline.json', import.meta.url), 'utf8');

type Json = Record<string, unknown> & {
  incident: Record<string, unknown>;
  events: Record<string, unknown>[];
};

/** The rich fixture bundle with one change applied. */
function hostileBundle(change: (b: Json) => void): string {
  const b = JSON.parse(base) as Json;
  change(b);
  return JSON.stringify(b);
}

describe('schema: zones and times a formatter cannot show are refused', () => {
  it('a zone must be one the runtime knows', () => {
    expect(ZoneName.safeParse('America/Los_Angeles').success).toBe(true);
    expect(ZoneName.safeParse('UTC').success).toBe(true);
    for (const bad of ['Mars/Olympus', 'Z', '', ' ', 'America/Los Angeles']) {
      expect(ZoneName.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('a time must be an integer within the Date range', () => {
    expect(EpochMs.safeParse(8.64e15).success).toBe(true);
    expect(EpochMs.safeParse(-8.64e15).success).toBe(true);
    for (const bad of [8.64e15 + 1, -8.64e15 - 1, Number.MAX_SAFE_INTEGER, Infinity, NaN, 1.5]) {
      expect(EpochMs.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('the domain rows use those checks', () => {
    const b = JSON.parse(base) as Json;
    expect(Incident.safeParse({ ...b.incident, displayZone: 'Mars/Olympus' }).success).toBe(false);
    expect(Incident.safeParse({ ...b.incident, secondaryZone: 'Mars/Olympus' }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...b.events[0], at: Number.MAX_SAFE_INTEGER }).success).toBe(false);
    const action = (b.actions as Record<string, unknown>[])[0];
    expect(ActionItem.safeParse({ ...action, dueDate: '2026-13-45' }).success).toBe(false);
    expect(ActionItem.safeParse({ ...action, dueDate: '2026-02-28' }).success).toBe(true);
  });
});

describe('the three bricking bundles', () => {
  it('an unknown display zone is repaired to UTC, and the open says so', () => {
    const parsed = parseBundle(
      hostileBundle((b) => {
        b.incident.displayZone = 'Mars/Olympus';
        b.incident.secondaryZone = 'Venus/Maxwell';
      }),
      'mars.rootline.json',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.incident.displayZone).toBe('UTC');
    expect(parsed.snapshot.incident.secondaryZone).toBeNull();
    expect(parsed.meta.notices.join('\n')).toMatch(/display zone "Mars\/Olympus".*UTC/);
    expect(parsed.meta.notices.join('\n')).toMatch(/second zone "Venus\/Maxwell"/);
  });

  it('an unknown import zone is repaired too', () => {
    const parsed = parseBundle(
      hostileBundle((b) => {
        const log = (b.imports as { options: { zone: string } }[])[0]!;
        log.options.zone = 'Mars/Olympus';
      }),
      'mars.rootline.json',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.imports[0]!.options.zone).toBe('UTC');
    expect(parsed.meta.notices).toHaveLength(1);
  });

  it.each([
    ['just past the Date range', 8.64e15 + 1],
    ['Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
  ])('an event time %s is refused with the path and the reason', (_, at) => {
    const parsed = parseBundle(
      hostileBundle((b) => {
        b.events[1]!.at = at;
      }),
      'far.rootline.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('far.rootline.json is not a valid Rootline bundle');
    expect(parsed.error).toContain('events[1].at: a time must be within the JavaScript date range');
  });

  it('a healthy bundle opens without notices', () => {
    const parsed = parseBundle(base, 'ok.rootline.json');
    expect(parsed.ok && parsed.meta.notices).toEqual([]);
  });
});
