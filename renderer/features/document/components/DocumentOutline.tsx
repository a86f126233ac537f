import { useMemo } from 'react';
import type { DocumentSection } from '../../../../shared/domain';
import { documentOutline, type LiveBlockSpec } from '../../../../shared/document';
import { useIncidentComments } from '../../comments';
import { showSection } from '../focus';

/** `Timeline block`, `Timeline + Action items blocks`. */
function describeBlocks(labels: string[]): string {
  return `${labels.join(' + ')} block${labels.length === 1 ? '' : 's'}`;
}

/**
 * The document at a glance, beside it: every section with how much is written and the reviewer
 * threads still open on it; a click goes to the section.
 */
export function DocumentOutline({
  incidentId,
  sections,
  blockShows,
}: {
  incidentId: string;
  sections: DocumentSection[];
  /** Whether a live block shows anything now: an empty one does not fill its section. */
  blockShows: (spec: LiveBlockSpec) => boolean;
}) {
  const comments = useIncidentComments(incidentId);
  const items = useMemo(
    () => documentOutline(sections, comments ?? [], blockShows),
    [sections, comments, blockShows],
  );
  const filled = items.filter((i) => i.words > 0 || i.blocks.length > 0).length;
  return (
    <nav className="doc-outline" aria-label="Document outline">
      <h2>Outline</h2>
      <p className="muted">
        {filled} of {items.length} sections filled
      </p>
      <ol>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="doc-outline-link" onClick={() => showSection(item.id)}>
              <span className="doc-outline-title">{item.title}</span>
              <span className="doc-outline-meta">
                {item.words > 0 && (
                  <span>
                    {item.words.toLocaleString('en-US')} word{item.words === 1 ? '' : 's'}
                  </span>
                )}
                {item.blocks.length > 0 && <span>{describeBlocks(item.blocks)}</span>}
                {item.emptyBlocks.length > 0 && (
                  <span className="doc-outline-empty">
                    {describeBlocks(item.emptyBlocks)}: nothing to show yet
                  </span>
                )}
                {item.words === 0 && item.blocks.length === 0 && (
                  <span className="doc-outline-empty">to write</span>
                )}
                {item.internalOnly && <span className="pill">internal</span>}
                {item.openThreads > 0 && (
                  <span className="doc-outline-open">
                    {item.openThreads} open comment{item.openThreads === 1 ? '' : 's'}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
