import { z } from 'zod';
import { ActionItem } from './action';
import { CauseNode } from './cause';
import { Comment } from './comment';
import { TimelineEvent } from './event';
import { Incident } from './incident';
import { ImportedLog } from './log';
import { LogBlock } from './logBlock';
import { DocumentSection } from './section';
import { SignOff } from './signoff';

/**
 * The collections of rows that belong to one incident besides the incident row itself, in
 * bundle order: what delete, duplicate, export, restore, review merge and backup walk over.
 */
export const INCIDENT_COLLECTIONS = [
  'events',
  'imports',
  'logBlocks',
  'causes',
  'comments',
  'actions',
  'sections',
  'signoffs',
] as const;
export type IncidentCollection = (typeof INCIDENT_COLLECTIONS)[number];

/** Every row of one incident: what the store holds, what a bundle carries, what delete-undo keeps. */
export const IncidentSnapshot = z.object({
  incident: Incident,
  events: z.array(TimelineEvent),
  imports: z.array(ImportedLog),
  logBlocks: z.array(LogBlock),
  causes: z.array(CauseNode),
  comments: z.array(Comment),
  actions: z.array(ActionItem),
  sections: z.array(DocumentSection),
  /** The sign-off log (see signoff.ts). */
  signoffs: z.array(SignOff),
});
export type IncidentSnapshot = z.infer<typeof IncidentSnapshot>;
