/** Column headings of the event grid (the grid's rows use the same column template). */
export function TableHeader({ zone, second }: { zone: string; second: string | null }) {
  return (
    <div className="tl-head" aria-hidden="true">
      <span className="c-key" />
      <span className="c-time">
        Time ({zone}
        {second ? ` · ${second}` : ''})
      </span>
      <span className="c-tplus">T+</span>
      <span className="c-kind">Kind</span>
      <span className="c-title">Event</span>
      <span className="c-service">Service</span>
      <span className="c-region">Region</span>
      <span className="c-count num">Count</span>
      <span className="c-source">Source</span>
      <span className="c-more" />
    </div>
  );
}
