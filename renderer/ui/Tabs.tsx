import { useRef, type KeyboardEvent } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  /** A count shown beside the label (hidden when 0); `description` is what screen readers hear. */
  badge?: { count: number; description: string };
}

interface TabsProps<K extends string> {
  label: string;
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (key: K) => void;
  idPrefix: string;
}

/**
 * A WAI-ARIA tablist: only the selected tab is in the Tab order; arrow keys, Home and End move
 * between tabs and select them (automatic activation). Panels use `${idPrefix}-panel-${key}`.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, idPrefix }: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.key === selected);
    let nextIndex: number | null = null;
    if (e.key === 'ArrowRight') nextIndex = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') nextIndex = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') nextIndex = 0;
    else if (e.key === 'End') nextIndex = tabs.length - 1;
    const next = nextIndex === null ? undefined : tabs[nextIndex];
    if (!next) return;
    e.preventDefault();
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.key}
          ref={(el) => {
            if (el) refs.current.set(t.key, el);
            else refs.current.delete(t.key);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t.key}`}
          aria-selected={t.key === selected}
          aria-controls={`${idPrefix}-panel-${t.key}`}
          aria-describedby={t.badge && t.badge.count > 0 ? `${idPrefix}-tab-${t.key}-badge` : undefined}
          tabIndex={t.key === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(t.key)}
        >
          {t.label}
          {t.badge && t.badge.count > 0 && (
            // Hidden from the tab's name (it stays "Review"); read out as its description instead.
            <span
              className="tab-badge"
              id={`${idPrefix}-tab-${t.key}-badge`}
              aria-hidden="true"
              aria-label={t.badge.description}
            >
              {t.badge.count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
