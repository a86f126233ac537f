import { z } from 'zod';
import {
  ActionItem,
  CauseNode,
  Comment,
  DocumentSection,
  ImportedLog,
  Incident,
  LogBlock,
  LogBlockV1,
  SignOff,
  TimelineEvent,
} from '../domain';
import { ReviewBase } from '../review/base';

/** The `format` marker every Rootline bundle carries; anything else is not ours. */
export const BUNDLE_FORMAT = 'rootline-bundle';

/** The bundle version this build writes, and the newest it can read. */
export const BUNDLE_VERSION = 2;

/** Which app wrote the bundle (informational; `format` is what identifies a bundle). */
export const BundleApp = z.object({
  name: z.string().min(1).max(100),
  version: z.string().min(1).max(100),
});
export type BundleApp = z.infer<typeof BundleApp>;

/**
 * Bundle version 1: raw records one object each (see `LogBlockV1`). Read only, to upgrade.
 * Unknown keys are dropped on read (a later v1 writer may add optional fields).
 */
export const BundleV1 = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  /** When the bundle was written, ISO 8601 in UTC. */
  exportedAt: z.iso.datetime({ offset: true }),
  app: BundleApp,
  incident: Incident,
  events: z.array(TimelineEvent),
  imports: z.array(ImportedLog),
  logBlocks: z.array(LogBlockV1),
  causes: z.array(CauseNode),
  comments: z.array(Comment),
  actions: z.array(ActionItem),
  sections: z.array(DocumentSection),
  /**
   * The sign-off log. Left out when empty, so a bundle of an incident without sign-offs is the
   * same file it was before sign-offs existed (and older readers, which drop it, lose nothing).
   */
  signoffs: z.array(SignOff).optional(),
  /**
   * Only in review copies: what the copy looked like when it was sent (field hashes), the
   * common ancestor that lets a returned copy be merged without silent overwrites. Optional,
   * so plain bundles and older v1 files are unchanged.
   */
  reviewBase: ReviewBase.optional(),
});

/**
 * Bundle version 2: raw records stored by column (`LogBlock`), about a third of the size.
 * The key order of this object is the key order of the written file, so keep new fields at
 * the end; anything an older reader must not ignore needs a new version.
 */
export const BundleV2 = BundleV1.extend({
  version: z.literal(2),
  logBlocks: z.array(LogBlock),
});

/** The current bundle shape (what `restoreBundle` upgrades every older version to). */
export const Bundle = BundleV2;
export type Bundle = z.infer<typeof Bundle>;
