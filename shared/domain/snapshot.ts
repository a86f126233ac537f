import { z } from 'zod';
import { ActionItem } from './action';
import { CauseNode } from './cause';
import { Comment } from './comment';
import { TimelineEvent } from './event';
import { Incident } from './incident';
import { ImportedLog } from './log';
import { LogBlock } from './logBlock';
import { DocumentSection } from './section';

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
});
export type IncidentSnapshot = z.infer<typeof IncidentSnapshot>;
