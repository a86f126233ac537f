import type { CauseNode } from '../../../../shared/domain';
import { buildTree, fiveWhys, kindLabel, leavesOf } from '../../../../shared/causes';

interface WhysViewProps {
  nodes: readonly CauseNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Steps shown at each end of a long chain of whys; the steps between are counted. */
const WHYS_SHOWN_AT_EACH_END = 25;

/** The "5 whys" reading of one path, from the loss down to the chosen cause. */
export function WhysView({ nodes, selectedId, onSelect }: WhysViewProps) {
  const tree = buildTree(nodes);
  const leaves = leavesOf(tree);
  const target = selectedId !== null && selectedId !== tree.root?.id ? selectedId : (leaves[0]?.id ?? null);
  if (target === null) return <p className="muted">Add causes below the incident to read a chain of whys.</p>;
  const steps = fiveWhys(nodes, target);
  // A chain of thousands of whys cannot be read as one; its two ends can.
  const skipped = Math.max(0, steps.length - 2 * WHYS_SHOWN_AT_EACH_END);
  const shown =
    skipped === 0
      ? steps
      : [...steps.slice(0, WHYS_SHOWN_AT_EACH_END), ...steps.slice(-WHYS_SHOWN_AT_EACH_END)];
  return (
    <section className="whys" aria-label="5 whys">
      <div className="field whys-pick">
        <label htmlFor="whys-path">Path to</label>
        <select id="whys-path" value={target} onChange={(e) => onSelect(e.target.value)}>
          {nodes
            .filter((n) => n.id !== tree.root?.id)
            .map((n) => (
              <option key={n.id} value={n.id}>
                {n.title || '(untitled)'}
              </option>
            ))}
        </select>
      </div>
      <ol className="whys-chain">
        {shown.map((s, i) => (
          <li key={s.cause.id} value={s.n}>
            {i === WHYS_SHOWN_AT_EACH_END && skipped > 0 && (
              <p className="field-hint why-skipped">
                {skipped.toLocaleString('en-US')} steps in between are not shown: a chain this deep is read in
                the outline.
              </p>
            )}
            <p className="why-q">
              <strong>Why {s.n}.</strong> Why did “{s.effect.title || 'this'}” happen?
            </p>
            <p className="why-a">
              Because {s.cause.title || '(untitled)'}{' '}
              <span className="row-kind">{kindLabel(s.cause.kind)}</span>
            </p>
          </li>
        ))}
      </ol>
      {steps.length < 5 && (
        <p className="field-hint">
          {steps.length} why{steps.length === 1 ? '' : 's'} so far. Five is a habit, not a rule: stop where a
          fix is in your control.
        </p>
      )}
    </section>
  );
}
