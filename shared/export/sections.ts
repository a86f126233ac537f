import type { DocumentSection } from '../domain';
import type { Audience } from './context';

/** The sections an audience sees, in document order (customer: no internal-only sections). */
export function sectionsFor(sections: readonly DocumentSection[], audience: Audience): DocumentSection[] {
  return [...sections]
    .filter((s) => audience === 'internal' || !s.internalOnly)
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
