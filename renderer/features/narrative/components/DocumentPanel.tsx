import { EmptyState } from '../../../ui/EmptyState';
import { useSections } from '../hooks/useSections';

/** The RCA document's stored sections (titles; the editor comes with templates). */
export function DocumentPanel({ incidentId }: { incidentId: string }) {
  const sections = useSections(incidentId);
  if (!sections) return <p className="loading muted">Loading document…</p>;
  if (sections.length === 0) {
    return (
      <EmptyState title="No document yet">
        <p>
          The written RCA is organised in sections taken from a template (summary, impact, timeline, root
          causes, lessons). Templates and the section editor are not part of this version yet.
        </p>
      </EmptyState>
    );
  }
  return (
    <section aria-label="Document sections">
      <ol className="section-list">
        {sections.map((s) => (
          <li key={s.id}>
            <span>{s.title}</span>
            {s.internalOnly && <span className="pill">internal</span>}
            {s.lexicalState === null && <span className="muted"> — empty</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
