// The incident list checks every row with isValidIncident instead of the zod schema (too slow for
// a thousand rows at every edit); a row it accepts must be one the schema accepts, and it should
// accept every row the schema accepts.
import { describe, expect, it } from 'vitest';
import { expectAgreesWithSchema } from '../../helpers/domain/quickCheck';
import { createIncident, Incident, isValidIncident } from '../../../shared/domain';

const BASE: Incident = {
  ...createIncident({ id: 'INC-1', now: Date.UTC(2026, 0, 1) }),
  services: ['api'],
  secondaryZone: 'America/Los_Angeles',
  keyTimes: {
    impactStartAt: Date.UTC(2026, 0, 1),
    detectedAt: null,
    mitigatedAt: null,
    recoveredAt: null,
    resolvedAt: null,
  },
  keyTimeOrigins: { impactStartAt: 'import' },
  serviceAliases: { 'api-gw': 'api' },
  incidentType: 'game-day',
  incidentTypeOrigin: 'manual',
  changeWindowMinutes: 30,
};

/** Values each field may be given: some valid, most not. */
const VALUES: Partial<Record<keyof Incident | 'extra', unknown[]>> = {
  id: ['', 'x'.repeat(129), 7, 'ok'],
  title: ['x'.repeat(501), null, 'A title'],
  severity: ['SEV9', 'SEV1', null],
  status: ['gone', 'published'],
  summary: [3, 'x'.repeat(100_001), ''],
  services: [[1], 'api', [], ['x'.repeat(201)]],
  regions: [null, ['eu']],
  authors: [[null]],
  reviewers: [['Ana', 'Ben'], {}],
  displayZone: ['Mars/Olympus', '', 'Europe/Paris', 'Z', 5],
  secondaryZone: [null, 'Mars/Olympus', 'UTC'],
  keyTimes: [
    null,
    { ...BASE.keyTimes, detectedAt: 8.64e15 + 1 },
    { ...BASE.keyTimes, mitigatedAt: Number.NaN },
    { ...BASE.keyTimes, resolvedAt: '2026-01-01' },
    { ...BASE.keyTimes, recoveredAt: Date.UTC(2026, 0, 2) },
    { impactStartAt: null },
  ],
  keyTimeOrigins: [{}, { detectedAt: 'robot' }, { bogus: 'manual' }, null, { resolvedAt: 'timeline' }],
  templateId: [null, 4, 'google-sre'],
  tags: [['k8s'], [3]],
  serviceAliases: [undefined, { a: 3 }, { ['x'.repeat(201)]: 'a' }, [], { b: 'c' }],
  incidentType: [undefined, 'drill', 'incident'],
  incidentTypeOrigin: [undefined, 'guess', 'import'],
  changeWindowMinutes: [undefined, 0, 1.5, 24 * 60, 24 * 60 + 1, '30'],
  createdAt: [Number.MAX_SAFE_INTEGER, -1, 1.5, Date.UTC(2020, 0, 1)],
  updatedAt: [undefined, Date.UTC(2027, 0, 1)],
  extra: ['kept by a later build'],
};

describe('isValidIncident', () => {
  it('agrees with the schema on a valid row, on each field made wrong and on random mixes of those values', () => {
    expectAgreesWithSchema(isValidIncident, Incident, BASE, VALUES as Record<string, unknown[]>);
    expect(isValidIncident(null)).toBe(false);
    expect(isValidIncident([])).toBe(false);
  });
});
