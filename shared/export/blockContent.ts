import type { LiveBlockSpec } from '../document/blocks';
import { assertNever } from '../domain';
import { timelineBlockData } from './blockData';
import type { ExportContext } from './context';

/**
 * Whether a live block shows anything for the incident as it is now. A block that would only
 * print its "nothing here yet" note does not make a section filled (the Document outline).
 */
export function liveBlockHasContent(ctx: ExportContext, spec: LiveBlockSpec): boolean {
  const { incident } = ctx;
  switch (spec.block) {
    case 'timeline':
      return timelineBlockData(ctx, spec).events.length > 0;
    case 'cause-diagram':
    case 'cause-list':
      // The incident itself is the tree's top node; a tree of only that has no causes yet.
      return ctx.causes.some((c) => c.parentId !== null);
    case 'actions':
      return ctx.actions.length > 0;
    case 'key-times':
      return Object.values(incident.keyTimes).some((t) => t !== null);
    case 'impact':
      return (
        incident.keyTimes.impactStartAt !== null ||
        incident.services.length > 0 ||
        incident.regions.length > 0 ||
        ctx.events.some((e) => e.kind === 'impact')
      );
    default:
      return assertNever(spec.block, 'live block');
  }
}
