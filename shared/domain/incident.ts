import { z } from 'zod';
import {
  EpochMs,
  Id,
  isDateMs,
  isId,
  isLabels,
  isObject,
  isText,
  Label,
  MaybeEpochMs,
  ZoneName,
} from './common';
import { isIanaZone } from '../time/zone';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const INCIDENT_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/**
 * What kind of event the write-up is about: an `incident` (something went wrong by itself) or a
 * `game-day` (faults were injected on purpose to test how the system copes).
 */
export const INCIDENT_TYPES = ['incident', 'game-day'] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

/** How an incident type reads in the app and in documents. */
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  incident: 'Incident',
  'game-day': 'Game day (injected faults)',
};

/** Who set the incident type: an import (which may change it again) or the user (kept). */
export const IncidentTypeOrigin = z.enum(['import', 'manual']);
export type IncidentTypeOrigin = z.infer<typeof IncidentTypeOrigin>;

/** The change-before-impact window an import uses when the incident has none of its own (minutes). */
export const DEFAULT_CHANGE_WINDOW_MINUTES = 60;
/** Longest change-before-impact window that can be chosen (minutes): one day. */
export const MAX_CHANGE_WINDOW_MINUTES = 24 * 60;

/** The phase boundaries of an incident, in the order they normally happen. */
export const KEY_TIME_FIELDS = [
  'impactStartAt',
  'detectedAt',
  'mitigatedAt',
  'recoveredAt',
  'resolvedAt',
] as const;
export type KeyTimeField = (typeof KEY_TIME_FIELDS)[number];

export const KeyTimes = z.object({
  impactStartAt: MaybeEpochMs,
  detectedAt: MaybeEpochMs,
  mitigatedAt: MaybeEpochMs,
  recoveredAt: MaybeEpochMs,
  resolvedAt: MaybeEpochMs,
});
export type KeyTimes = z.infer<typeof KeyTimes>;

/** Who set a key time: the user by hand, or an import (which may refresh it). */
export const KeyTimeOrigin = z.enum(['manual', 'import', 'timeline']);
export type KeyTimeOrigin = z.infer<typeof KeyTimeOrigin>;

export const Incident = z.object({
  id: Id,
  title: z.string().max(500),
  severity: Severity,
  status: IncidentStatus,
  summary: z.string().max(100_000),
  services: z.array(Label),
  regions: z.array(Label),
  authors: z.array(Label),
  reviewers: z.array(Label),
  /** IANA zone in which times are entered and shown, e.g. `America/Los_Angeles`. */
  displayZone: ZoneName,
  /** Optional second zone shown beside the first (`Nov 18 16:51 PST (Nov 19 00:51 UTC)`). */
  secondaryZone: ZoneName.nullable(),
  keyTimes: KeyTimes,
  keyTimeOrigins: z.partialRecord(z.enum(KEY_TIME_FIELDS), KeyTimeOrigin),
  /** RCA template used by the Document tab (see templates/). */
  templateId: z.string().nullable(),
  tags: z.array(Label),
  /**
   * Service aliases (alias → canonical name) so timelines from several sources line up; guessed
   * at import and edited in the import dialog. Absent on incidents saved before it existed.
   */
  serviceAliases: z.record(Label, Label).optional(),
  /** Incident or game day; absent = incident (and on incidents saved before it existed). */
  incidentType: IncidentType.optional(),
  /** Who set `incidentType`; an import never overrides the user's choice. */
  incidentTypeOrigin: IncidentTypeOrigin.optional(),
  /**
   * Minutes before impact start in which a finished change is reported as change-before-impact;
   * chosen in the import dialog and remembered for the next import. Absent = the default (60).
   */
  changeWindowMinutes: z.number().int().min(1).max(MAX_CHANGE_WINDOW_MINUTES).optional(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Incident = z.infer<typeof Incident>;

export const EMPTY_KEY_TIMES: KeyTimes = {
  impactStartAt: null,
  detectedAt: null,
  mitigatedAt: null,
  recoveredAt: null,
  resolvedAt: null,
};

/** A new, empty incident with sensible defaults. */
export function createIncident(init: { id: string; now: number } & Partial<Incident>): Incident {
  const { id, now, ...rest } = init;
  return {
    title: 'Untitled incident',
    severity: 'SEV2',
    status: 'draft',
    summary: '',
    services: [],
    regions: [],
    authors: [],
    reviewers: [],
    displayZone: 'UTC',
    secondaryZone: null,
    keyTimes: { ...EMPTY_KEY_TIMES },
    keyTimeOrigins: {},
    templateId: null,
    tags: [],
    createdAt: now,
    updatedAt: now,
    ...rest,
    id,
  };
}

/** How an incident status reads (documents and the app show words, never the stored value). */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
};

const SEVERITY_SET = new Set<unknown>(SEVERITIES);
const STATUS_SET = new Set<unknown>(INCIDENT_STATUSES);
const TYPE_SET = new Set<unknown>(INCIDENT_TYPES);
const ORIGIN_SET = new Set<unknown>(KeyTimeOrigin.options);
const TYPE_ORIGIN_SET = new Set<unknown>(IncidentTypeOrigin.options);
const isZone = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 100 && isIanaZone(v);

/**
 * The incident schema's verdict without the schema, for the incident list's every row: zod takes
 * ~0.1 ms an incident in a page whose CSP forbids its compiled parsers, and the list re-reads
 * every incident on each edit. A row this accepts, the schema accepts (tested field by field);
 * a row it refuses goes to the schema, which names the reason.
 */
export function isValidIncident(row: unknown): row is Incident {
  if (!isObject(row)) return false;
  const r = row;
  const times = r.keyTimes;
  const origins = r.keyTimeOrigins;
  const aliases = r.serviceAliases;
  const known = new Set(KEY_TIME_FIELDS as readonly string[]);
  return (
    isId(r.id) &&
    isText(r.title, 500) &&
    SEVERITY_SET.has(r.severity) &&
    STATUS_SET.has(r.status) &&
    isText(r.summary, 100_000) &&
    isLabels(r.services) &&
    isLabels(r.regions) &&
    isLabels(r.authors) &&
    isLabels(r.reviewers) &&
    isZone(r.displayZone) &&
    (r.secondaryZone === null || isZone(r.secondaryZone)) &&
    isObject(times) &&
    KEY_TIME_FIELDS.every((f) => times[f] === null || isDateMs(times[f])) &&
    isObject(origins) &&
    Object.entries(origins).every(([k, v]) => known.has(k) && ORIGIN_SET.has(v)) &&
    (r.templateId === null || typeof r.templateId === 'string') &&
    isLabels(r.tags) &&
    (aliases === undefined ||
      (isObject(aliases) && Object.entries(aliases).every(([k, v]) => k.length <= 200 && isText(v, 200)))) &&
    (r.incidentType === undefined || TYPE_SET.has(r.incidentType)) &&
    (r.incidentTypeOrigin === undefined || TYPE_ORIGIN_SET.has(r.incidentTypeOrigin)) &&
    (r.changeWindowMinutes === undefined ||
      (Number.isInteger(r.changeWindowMinutes) &&
        (r.changeWindowMinutes as number) >= 1 &&
        (r.changeWindowMinutes as number) <= MAX_CHANGE_WINDOW_MINUTES)) &&
    isDateMs(r.createdAt) &&
    isDateMs(r.updatedAt)
  );
}
