import { EVENT_KINDS, type EventKind } from '../../../../shared/domain';
import {
  EMPTY_FILTER,
  describeFilter,
  isFilterEmpty,
  type InjectedFilter,
  type TimelineFilter,
} from '../../../../shared/timeline-edit';
import { KindIcon } from './KindIcon';

interface FilterBarProps {
  filter: TimelineFilter;
  services: string[];
  regions: string[];
  /** The timeline holds injected faults: the injected filter is offered. */
  hasInjected: boolean;
  shown: number;
  total: number;
  formatTime: (ms: number) => string;
  onChange: (f: TimelineFilter) => void;
}

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

/** Filters by kind, service, region, key-only, injected faults and text; active parts shown as removable chips. */
export function FilterBar({
  filter: f,
  services,
  regions,
  hasInjected,
  shown,
  total,
  formatTime,
  onChange,
}: FilterBarProps) {
  const chips = describeFilter(f, formatTime);
  return (
    <div className="tl-filters">
      <div className="tl-filter-row">
        <input
          type="search"
          className="tl-search"
          aria-label="Filter events by text"
          placeholder="Filter: words in title, detail, service…"
          value={f.text}
          onChange={(e) => onChange({ ...f, text: e.target.value })}
        />
        <div className="tl-kinds" role="group" aria-label="Filter by kind">
          {EVENT_KINDS.map((k: EventKind) => (
            <button
              key={k}
              type="button"
              className="tl-kind-toggle"
              aria-pressed={f.kinds.includes(k)}
              onClick={() => onChange({ ...f, kinds: toggle(f.kinds, k) })}
            >
              <KindIcon kind={k} />
              {k}
            </button>
          ))}
        </div>
        <select
          aria-label="Filter by service"
          value=""
          onChange={(e) =>
            e.target.value !== '' &&
            onChange({ ...f, services: toggle(f.services, e.target.value === '∅' ? '' : e.target.value) })
          }
        >
          <option value="">Service…</option>
          {services.map((s) => (
            <option key={s} value={s === '' ? '∅' : s}>
              {f.services.includes(s) ? '✓ ' : ''}
              {s || '(none)'}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by region"
          value=""
          onChange={(e) =>
            e.target.value !== '' &&
            onChange({ ...f, regions: toggle(f.regions, e.target.value === '∅' ? '' : e.target.value) })
          }
        >
          <option value="">Region…</option>
          {regions.map((s) => (
            <option key={s} value={s === '' ? '∅' : s}>
              {f.regions.includes(s) ? '✓ ' : ''}
              {s || '(none)'}
            </option>
          ))}
        </select>
        <label className="tl-check">
          <input
            type="checkbox"
            checked={f.keyOnly}
            onChange={(e) => onChange({ ...f, keyOnly: e.target.checked })}
          />{' '}
          Key only
        </label>
        {(hasInjected || f.injected !== 'all') && (
          <select
            aria-label="Injected faults"
            title="Events a fault-injection tool put there on purpose (chaos experiments, game days)"
            value={f.injected}
            onChange={(e) => onChange({ ...f, injected: e.target.value as InjectedFilter })}
          >
            <option value="all">Injected faults: shown</option>
            <option value="only">Injected faults only</option>
            <option value="hide">Hide injected faults</option>
          </select>
        )}
      </div>
      <div className="tl-filter-row" aria-live="polite">
        <span className="muted">
          {isFilterEmpty(f)
            ? `${total.toLocaleString('en-US')} ${total === 1 ? 'event' : 'events'}`
            : `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events shown`}
        </span>
        {chips.map((c) => (
          <span key={c.key} className="token tl-chip">
            {c.label}
            <button
              type="button"
              className="token-remove"
              aria-label={`Remove filter ${c.label}`}
              onClick={() => onChange({ ...f, [c.key]: EMPTY_FILTER[c.key] })}
            >
              ×
            </button>
          </span>
        ))}
        {chips.length > 0 && (
          <button type="button" className="btn-link" onClick={() => onChange(EMPTY_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
