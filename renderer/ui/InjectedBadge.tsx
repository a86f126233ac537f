/** Words, not colour alone: the marker an injected fault carries in the table and the import summary. */
export const INJECTED_HINT =
  'Injected fault: put there on purpose by a fault-injection tool (chaos experiment, game day)';

/** The badge beside an injected event's title (a label screen readers read, a tooltip on hover). */
export function InjectedBadge() {
  return (
    <span className="injected-badge" title={INJECTED_HINT}>
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
        <path d="M6 0L1 6H4.5L3.5 10L9 3.5H5.5Z" fill="currentColor" />
      </svg>
      injected
    </span>
  );
}
