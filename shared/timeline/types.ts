import type { TimelineEvent } from '../domain';

/**
 * A timeline event built by an import, before the app attaches it to an incident
 * (incidentId, importId and timestamps are filled in by the repository).
 */
export type TimelineEventDraft = Omit<TimelineEvent, 'incidentId' | 'importId' | 'createdAt' | 'updatedAt'>;

/** How folding decides that two records of one group belong to the same event. */
export interface FoldOptions {
  /** Smallest gap window (ms): records closer than this always fold. */
  minGapMs: number;
  /** Largest gap window (ms): records further apart than this never fold. */
  maxGapMs: number;
  /** The window is `multiplier ×` the group's `quantile` inter-arrival gap, clamped to [min, max]. */
  multiplier: number;
  quantile: number;
  /** Groups with fewer records than this use `minGapMs` (too few gaps to judge the density). */
  minSamples: number;
  /** Distinct (kind, service, region, template) groups kept before new templates share one group. */
  maxGroups: number;
  /**
   * Inputs of at most this many records are ones a person would read one by one: only exact
   * repeats of a message fold there (a 19-step rollout stays 19 events).
   */
  smallInputMax: number;
  /**
   * Most events one import yields. Past it, the groups with the most events fold by pattern:
   * each becomes one event (first to last record, every record counted), largest first, until
   * the timeline fits. Keeps memory and the timeline bounded for logs that never fold by time.
   */
  maxEvents: number;
}

export const DEFAULT_FOLD_OPTIONS: FoldOptions = {
  minGapMs: 5 * 60_000,
  maxGapMs: 2 * 3_600_000,
  multiplier: 4,
  quantile: 0.9,
  minSamples: 3,
  maxGroups: 20_000,
  smallInputMax: 200,
  maxEvents: 50_000,
};

/** What the event cap did to one import (null in a result when the cap was not reached). */
export interface EventCapReport {
  /** The cap (FoldOptions.maxEvents). */
  maxEvents: number;
  /** Events the import would have had without the cap. */
  eventsBefore: number;
  /** Groups (one pattern of one kind, service and region) folded into a single event each. */
  groupsFolded: number;
  /** What the folded groups share: `template` (the message with its variable parts masked). */
  foldedBy: string;
}

export interface FindingOptions {
  /** A step reaching more than this share of its components' known targets is an unstaged rollout. */
  maxStepShare: number;
  /** Steps of one change closer than this (ms) form one wave (orchestrators often log a step per target). */
  waveWindowMs: number;
  /** Below this many known targets a rollout cannot be staged, so it is not judged. */
  minKnownTargets: number;
  /** A change that last acted this long (ms) or less before impact start is `change-before-impact`. */
  changeWindowMs: number;
}

export const DEFAULT_FINDING_OPTIONS: FindingOptions = {
  maxStepShare: 0.25,
  waveWindowMs: 60_000,
  minKnownTargets: 4,
  changeWindowMs: 60 * 60_000,
};

/** When a WARN pattern counts as a burst above its own earlier rate (see BurstTracker). */
export interface BurstOptions {
  /** Sliding window (ms) the current rate is counted over. */
  windowMs: number;
  /** Buckets the window is kept in (its resolution). */
  buckets: number;
  /** Fewest records in one window that can be a burst. */
  minCount: number;
  /** The window must hold at least this many times what the earlier rate predicts. */
  factor: number;
  /** Patterns tracked per import before new ones share one rate per stream. */
  maxPatterns: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  windowMs: 60_000,
  buckets: 6,
  minCount: 5,
  factor: 4,
  maxPatterns: 50_000,
};
