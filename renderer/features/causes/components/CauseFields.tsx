import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CauseNode, ReviewState } from '../../../../shared/domain';
import { kindFromLabel, kindLabel, PICKABLE_KINDS } from '../../../../shared/causes';
import { getCauseCategories, setCauseCategories } from '../../../db/repos/causes';
import { TokenInput } from '../../../ui/TokenInput';
import { ReadOnlyScope } from '../../../ui/readOnly';

type Patch = Partial<Pick<CauseNode, 'kind' | 'gate' | 'category' | 'reviewState' | 'detail'>>;

interface CauseFieldsProps {
  node: CauseNode;
  isRoot: boolean;
  kindsInUse: readonly string[];
  onPatch: (patch: Patch, label: string, coalesceKey?: string) => void;
}

const OTHER = '__other__';
const REVIEW_STATES: readonly ReviewState[] = ['open', 'agreed', 'disputed'];

/** Kind, gate, category and review state of a cause. */
export function CauseFields({ node, isRoot, kindsInUse, onPatch }: CauseFieldsProps) {
  const categories = useLiveQuery(() => getCauseCategories(), []) ?? [];
  const [customKind, setCustomKind] = useState<string | null>(null);
  const [editingCategories, setEditingCategories] = useState(false);
  const kinds = [...new Set([...PICKABLE_KINDS, ...kindsInUse.filter((k) => k !== 'incident')])];
  const categoryOptions =
    node.category !== null && !categories.includes(node.category)
      ? [...categories, node.category]
      : categories;
  return (
    <div className="cause-fields">
      <ReadOnlyScope>
        {!isRoot && (
          <div className="field">
            <label htmlFor={`kind-${node.id}`}>Kind</label>
            {customKind === null ? (
              <select
                id={`kind-${node.id}`}
                value={node.kind}
                onChange={(e) =>
                  e.target.value === OTHER
                    ? setCustomKind('')
                    : onPatch({ kind: e.target.value }, 'Change kind')
                }
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
                <option value={OTHER}>Other kind…</option>
              </select>
            ) : (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const kind = kindFromLabel(customKind);
                  if (kind !== '') onPatch({ kind }, 'Change kind');
                  setCustomKind(null);
                }}
              >
                <input
                  id={`kind-${node.id}`}
                  autoFocus
                  value={customKind}
                  maxLength={60}
                  placeholder="e.g. safety net"
                  onChange={(e) => setCustomKind(e.target.value)}
                />
                <button type="submit" className="btn btn-small">
                  Use
                </button>
              </form>
            )}
          </div>
        )}
        <fieldset className="field segmented">
          <legend className="field-label">Causes below combine with</legend>
          <div className="seg-options">
            {(['OR', 'AND'] as const).map((g) => (
              <label key={g} className={node.gate === g ? 'seg is-on' : 'seg'}>
                <input
                  type="radio"
                  name={`gate-${node.id}`}
                  checked={node.gate === g}
                  onChange={() => onPatch({ gate: g }, 'Change gate')}
                />
                {g === 'AND' ? 'AND — all were needed' : 'OR — any was enough'}
              </label>
            ))}
          </div>
        </fieldset>
        {!isRoot && (
          <div className="field">
            <label htmlFor={`cat-${node.id}`}>Category (fishbone)</label>
            <div className="inline-form">
              <select
                id={`cat-${node.id}`}
                value={node.category ?? ''}
                onChange={(e) => onPatch({ category: e.target.value || null }, 'Change category')}
              >
                <option value="">None</option>
                {categoryOptions.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setEditingCategories((v) => !v)}
                aria-expanded={editingCategories}
              >
                Edit list
              </button>
            </div>
            {editingCategories && (
              <TokenInput
                label="Categories"
                values={categories}
                onChange={(v) => void setCauseCategories(v)}
                placeholder="Add a category"
              />
            )}
          </div>
        )}
      </ReadOnlyScope>
      <fieldset className="field segmented">
        <legend className="field-label">Review</legend>
        <div className="seg-options">
          {REVIEW_STATES.map((s) => (
            <label key={s} className={node.reviewState === s ? `seg is-on seg-${s}` : 'seg'}>
              <input
                type="radio"
                name={`review-${node.id}`}
                checked={node.reviewState === s}
                onChange={() => onPatch({ reviewState: s }, 'Set review state')}
              />
              {s === 'open' ? 'Open' : s === 'agreed' ? 'Agreed' : 'Disputed'}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
