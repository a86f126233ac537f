import type { DocumentSection } from '../../../../shared/domain';
import { CommentThreads, useTargetThreads } from '../../comments';

/**
 * Reviewer threads on one document section, folded away under the text so the document still
 * reads as a document; the summary says how many threads are still open.
 */
export function SectionComments({ section }: { section: DocumentSection }) {
  const threads = useTargetThreads('section', section.id);
  const open = threads?.filter((t) => !t.root.resolved).length ?? 0;
  const total = threads?.length ?? 0;
  return (
    <details className="doc-section-comments" open={open > 0}>
      <summary>
        Comments on “{section.title}”{total > 0 ? ` (${open} open of ${total})` : ''}
      </summary>
      <CommentThreads
        incidentId={section.incidentId}
        targetType="section"
        targetId={section.id}
        label={`document section: ${section.title}`}
        heading={null}
      />
    </details>
  );
}
