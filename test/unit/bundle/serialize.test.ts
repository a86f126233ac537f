import { describe, expect, it } from 'vitest';
import { Bundle } from '../../../shared/bundle/schema';
import { INCIDENT_COLLECTIONS } from '../../../shared/domain';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { parseBundle } from '../../../shared/bundle/parse';
import { Incident, TimelineEvent, type IncidentSnapshot } from '../../../shared/domain';
import { richSnapshot } from './richSnapshot';

const OPTS = { exportedAt: Date.UTC(2025, 11, 1, 12, 0, 0), appVersion: '0.1.0' };

/** The same rows with every object's keys reversed and every collection reversed. */
function scrambled(s: IncidentSnapshot): IncidentSnapshot {
  const reverseKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverseKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  };
  const out = reverseKeys(s) as IncidentSnapshot;
  for (const c of INCIDENT_COLLECTIONS) (out[c] as unknown[]).reverse();
  return out;
}

describe('serializeBundle', () => {
  it('writes the same bytes whatever the row and key order', () => {
    const a = serializeBundle(richSnapshot(), OPTS);
    const b = serializeBundle(scrambled(richSnapshot()), OPTS);
    expect(b).toBe(a);
  });

  it('writes top-level and row keys in schema order, 2-space indented, with a trailing newline', () => {
    const text = serializeBundle(richSnapshot(), OPTS);
    const json = JSON.parse(text) as Record<string, unknown>;
    // `reviewBase` is optional and only written in review copies (shared/review).
    expect(Object.keys(json)).toEqual(Object.keys(Bundle.shape).filter((k) => k !== 'reviewBase'));
    expect(Object.keys(json.incident as object)).toEqual(Object.keys(Incident.shape));
    // `injected` is optional and only written for events a fault-injection tool put there.
    expect(Object.keys((json.events as object[])[0]!)).toEqual(
      Object.keys(TimelineEvent.shape).filter((k) => k !== 'injected'),
    );
    expect(
      text.startsWith(
        '{\n  "format": "rootline-bundle",\n  "version": 2,\n  "exportedAt": "2025-12-01T12:00:00.000Z"',
      ),
    ).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
  });

  it('sorts rows by a stable key per collection', () => {
    const json = JSON.parse(serializeBundle(richSnapshot(), OPTS)) as Bundle;
    // Events by time, ties by id (E0 and E2 share an instant).
    expect(json.events.map((e) => e.id)).toEqual(['A-E1', 'A-E0', 'A-E2', 'A-E3']);
    expect(json.logBlocks.map((b) => b.seq)).toEqual([0, 1]);
    expect(json.causes.map((c) => c.id)).toEqual(['A-C0', 'A-C1', 'A-C2', 'A-C3']);
    expect(json.actions.map((a) => a.id)).toEqual(['A-AC0', 'A-AC1']);
    expect(json.sections.map((s) => s.key)).toEqual(['summary', 'impact', 'internal-notes']);
    expect(Object.keys(json.incident.keyTimeOrigins)).toEqual(['impactStartAt', 'detectedAt', 'recoveredAt']);
  });

  it('is a fixed point: parse then serialize gives the same text', () => {
    const text = serializeBundle(richSnapshot(), OPTS);
    const parsed = parseBundle(text, 'a.rootline.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(serializeBundle(parsed.snapshot, OPTS)).toBe(text);
  });

  it('drops fields the schema does not know instead of leaking them into the file', () => {
    const s = richSnapshot();
    Object.assign(s.incident, { secretDraft: 'do not export' });
    expect(serializeBundle(s, OPTS)).not.toContain('secretDraft');
  });

  it('refuses to write a bundle it could not read back, naming the bad field', () => {
    const s = richSnapshot();
    s.events[1] = { ...s.events[1]!, at: Number.NaN };
    expect(() => serializeBundle(s, OPTS)).toThrow(/events\[\d\]\.at/);
  });
});
