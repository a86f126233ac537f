import { useIndexState } from '../../library/search';

const n = (v: number) => v.toLocaleString('en-US');

/**
 * One line under the filters: how many incidents are shown, and how far the search index is
 * while it is being built. Its data attributes let tests and the benchmark wait for an answer.
 */
export function LibraryStatus({
  shown,
  total,
  searching,
  answeredText,
  hitsPending = false,
}: {
  shown: number;
  total: number;
  searching: boolean;
  answeredText: string;
  /** Matching places of results below the first screen are still being read. */
  hitsPending?: boolean;
}) {
  const status = useIndexState();
  const index =
    status.state === 'loading'
      ? 'Opening the search index…'
      : status.state === 'indexing'
        ? `Indexing ${n(status.done)} of ${n(status.total)} incidents…`
        : status.state === 'failed'
          ? `Search is unavailable: ${status.message}`
          : status.skipped > 0
            ? `${n(status.skipped)} damaged incident${status.skipped === 1 ? '' : 's'} left out of search.`
            : '';
  return (
    <p
      className="library-status muted"
      role="status"
      data-index-state={status.state}
      data-search-text={answeredText}
      data-hits-pending={hitsPending}
    >
      {searching ? `${n(shown)} of ${n(total)} incidents` : `${n(total)} incident${total === 1 ? '' : 's'}`}
      {index !== '' && <span className="library-index-state"> · {index}</span>}
    </p>
  );
}
