import { z } from 'zod';
import type { ZoneChoice } from '../../../../shared/timeline-edit';

/** How one incident's timeline is viewed: kept per incident in this browser profile. */
export interface TimelineViewPrefs {
  choice: ZoneChoice;
  dual: boolean;
  laneBy: 'service' | 'kind';
  gapMin: number;
}

const PrefsSchema = z.object({
  choice: z.discriminatedUnion('type', [
    z.object({ type: z.literal('incident') }),
    z.object({ type: z.literal('utc') }),
    z.object({ type: z.literal('local') }),
    z.object({ type: z.literal('named'), zone: z.string().min(1).max(64) }),
  ]),
  dual: z.boolean(),
  laneBy: z.enum(['service', 'kind']),
  gapMin: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});

/** The key a view is stored under (localStorage: a viewing choice, not incident data). */
export function viewPrefsKey(incidentId: string): string {
  return `rootline.timeline.view.${incidentId}`;
}

/** Stored prefs, or the defaults when there are none or they no longer parse. */
export function parseViewPrefs(raw: string | null, defaults: TimelineViewPrefs): TimelineViewPrefs {
  if (raw === null) return defaults;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return defaults;
  }
  const parsed = PrefsSchema.safeParse(value);
  return parsed.success ? parsed.data : defaults;
}
