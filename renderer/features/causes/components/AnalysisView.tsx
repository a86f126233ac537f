import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionItem, CauseNode, ImportedLog } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import {
  addChild,
  analyseCauses,
  buildTree,
  causeCoverage,
  kindLabel,
  suggestionsFromFindings,
} from '../../../../shared/causes';
import { getPref, setPref } from '../../../db/repos/prefs';
import type { CauseEdits } from '../hooks/useCauseEdits';

interface AnalysisViewProps {
  incidentId: string;
  nodes: readonly CauseNode[];
  actions: readonly ActionItem[];
  imports: readonly ImportedLog[];
  eventIds: ReadonlySet<string> | undefined;
  edits: CauseEdits;
  onSelect: (id: string) => void;
}

const title = (n: CauseNode): string => n.title || '(untitled)';

/** Cut sets, single points of failure, coverage by action items, and suggestions from log import. */
export function AnalysisView({
  incidentId,
  nodes,
  actions,
  imports,
  eventIds,
  edits,
  onSelect,
}: AnalysisViewProps) {
  const dismissKey = `causes.dismissed.${incidentId}`;
  const dismissed = useLiveQuery(() => getPref<string[]>(dismissKey, []), [dismissKey]) ?? [];
  const analysis = analyseCauses(nodes);
  const coverage = causeCoverage(nodes, actions);
  const suggestions = suggestionsFromFindings(imports, nodes, { dismissed: new Set(dismissed), eventIds });
  const root = buildTree(nodes).root;
  const link = (n: CauseNode) => (
    <button type="button" className="btn-link" onClick={() => onSelect(n.id)}>
      {title(n)}
    </button>
  );
  return (
    <div className="analysis">
      <section aria-labelledby="sugg-h">
        <h3 id="sugg-h">Suggested contributing factors</h3>
        {suggestions.length === 0 ? (
          <p className="muted">
            No suggestions. Log imports with rollout records (staged deployments, config or flag changes) can
            suggest some.
          </p>
        ) : (
          <ul className="suggestions">
            {suggestions.map((s) => (
              <li key={s.key} className="suggestion">
                <div>
                  <strong>{s.title}</strong>
                  <div className="muted">
                    {s.evidenceEventIds.length} evidence event(s) · from {s.fileName}
                  </div>
                </div>
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={root === null}
                  onClick={() => {
                    if (root === null) return;
                    const now = Date.now();
                    const edit = addChild(edits.rows(), root.id, {
                      id: newId(now),
                      now,
                      title: s.title,
                      detail: s.detail,
                      kind: s.kind,
                      category: s.category,
                      evidenceEventIds: s.evidenceEventIds,
                    });
                    void edits.run(edit, 'Accept suggestion').then((id) => id && onSelect(id));
                  }}
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void setPref(dismissKey, [...dismissed, s.key])}
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cuts-h">
        <h3 id="cuts-h">Combinations of causes that were sufficient for the incident</h3>
        <p className="field-hint">
          Minimal cut sets of the AND/OR tree: remove any one cause of a combination and that combination no
          longer explains the incident.
        </p>
        {analysis.cutSets.length === 0 ? (
          <p className="muted">Add causes below the incident to see them.</p>
        ) : (
          <ol className="cut-sets">
            {analysis.cutSets.map((cs, i) => (
              <li key={i}>
                {cs.causes.map((c, j) => (
                  <span key={c.id}>
                    {j > 0 && <span className="and"> AND </span>}
                    {link(c)}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        )}
        {analysis.truncated && (
          <p className="field-hint">Only the first combinations are listed; the tree has too many to show.</p>
        )}
        <h4>Single points of failure</h4>
        {analysis.singlePoints.length === 0 ? (
          <p className="muted">None: no cause was enough on its own.</p>
        ) : (
          <ul className="spof">
            {analysis.singlePoints.map((c) => (
              <li key={c.id}>
                {link(c)} <span className="row-kind">{kindLabel(c.kind)}</span> — was enough on its own
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cov-h">
        <h3 id="cov-h">Coverage by action items</h3>
        <p className="field-hint">
          {coverage.needing.length - coverage.uncovered.length} of {coverage.needing.length} root causes,
          contributing factors and gaps have an action item.
        </p>
        {coverage.uncovered.length > 0 && (
          <ul className="uncovered" aria-label="Causes without an action item">
            {coverage.uncovered.map((c) => (
              <li key={c.id}>
                {link(c)} <span className="row-kind">{kindLabel(c.kind)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
