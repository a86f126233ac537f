import { z } from 'zod';
import { IncidentType } from '../domain/incident';

export const TEMPLATE_FORMAT = 'rootline-template';
export const TEMPLATE_VERSION = 1;

/** Lower-case words joined by hyphens: `primary-impact`. Keys are how sections match across templates. */
export const TemplateKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens, like "primary-impact"')
  .max(100);

export const TemplateAudience = z.enum(['internal', 'customer']);
export type TemplateAudience = z.infer<typeof TemplateAudience>;

export const TemplateSection = z.strictObject({
  key: TemplateKey,
  title: z.string().trim().min(1, 'a section needs a title').max(500),
  /** Shown as the empty editor's placeholder and as help beside the section. */
  guidance: z.string().max(4_000),
  /** Left out of customer-facing exports. */
  internalOnly: z.boolean().default(false),
  /** Keys of other templates' sections whose text this section takes over on a template switch. */
  aliases: z.array(TemplateKey).max(20).default([]),
  /** Starting content in Markdown; a line `{{live:timeline}}` becomes a live block. */
  starter: z.string().max(20_000).default(''),
  /**
   * The incident types the section is for (`["game-day"]` for a hypothesis / expected / observed
   * section); empty = every type.
   */
  incidentTypes: z.array(IncidentType).max(10).default([]),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const RcaTemplate = z
  .strictObject({
    format: z.literal(TEMPLATE_FORMAT, { error: `expected "format": "${TEMPLATE_FORMAT}"` }),
    version: z.literal(TEMPLATE_VERSION, { error: `expected "version": ${TEMPLATE_VERSION}` }),
    id: TemplateKey,
    name: z.string().trim().min(1, 'a template needs a name').max(200),
    description: z.string().max(4_000).default(''),
    /** Who the template is written for; customer templates default exports to the customer audience. */
    audience: TemplateAudience.default('internal'),
    sections: z.array(TemplateSection).min(1, 'a template needs at least one section').max(100),
  })
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.sections.forEach((s, i) => {
      const first = seen.get(s.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'key'],
          message: `duplicate section key "${s.key}" (also used by sections[${first}])`,
        });
      } else {
        seen.set(s.key, i);
      }
    });
  });
export type RcaTemplate = z.infer<typeof RcaTemplate>;
