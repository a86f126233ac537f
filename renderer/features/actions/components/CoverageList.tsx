import type { Coverage } from '../../../../shared/causes';
import { kindLabel } from '../../../../shared/causes';
import type { CauseNode } from '../../../../shared/domain';

interface CoverageListProps {
  coverage: Coverage;
  onAdd: (cause: CauseNode) => void;
}

/** The causes that still need a fix: actionable leaf causes no live action item addresses. */
export function CoverageList({ coverage, onAdd }: CoverageListProps) {
  const { needing, uncovered } = coverage;
  if (needing.length === 0) {
    return (
      <section className="coverage" aria-label="Cause coverage">
        <h2 className="section-title">Cause coverage</h2>
        <p className="muted">
          No root causes, contributing factors or gaps yet. Add them in the Root causes tab; each one should
          end up with an action item.
        </p>
      </section>
    );
  }
  return (
    <section className="coverage" aria-label="Cause coverage">
      <h2 className="section-title">
        Cause coverage{' '}
        <span className={uncovered.length === 0 ? 'pill pill-ok' : 'pill pill-warn'}>
          {needing.length - uncovered.length} of {needing.length} covered
        </span>
      </h2>
      {uncovered.length === 0 ? (
        <p className="muted">Every actionable cause has at least one action item.</p>
      ) : (
        <ul className="coverage-list" aria-label="Causes without an action item">
          {uncovered.map((c) => (
            <li key={c.id}>
              <span className="cause-kind-label">{kindLabel(c.kind)}</span>
              <span className="coverage-title">{c.title || 'Untitled cause'}</span>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Add action item for ${c.title || 'untitled cause'}`}
                onClick={() => onAdd(c)}
              >
                Add action item
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
