import { z } from 'zod';
import { EpochMs, Id } from './common';

/** One section of the RCA document, filled from a template section. */
export const DocumentSection = z.object({
  id: Id,
  incidentId: Id,
  /** The template section key (`summary`, `primary-impact`…), used to keep text across template switches. */
  key: z.string().min(1).max(100),
  title: z.string().max(500),
  order: z.number().finite(),
  /** Left out of customer-facing exports. */
  internalOnly: z.boolean(),
  /** Serialized Lexical editor state (JSON text), or null while empty. */
  lexicalState: z.string().nullable(),
  updatedAt: EpochMs,
});
export type DocumentSection = z.infer<typeof DocumentSection>;
