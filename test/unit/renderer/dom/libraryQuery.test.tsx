// @vitest-environment happy-dom
// The library's query and the URL: each keystroke is the query at once; the URL takes the
// typed text once typing pauses or on blur (a reload takes it from session storage); a filter
// at once; a URL changed from outside wins over what was typed.
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PENDING_SEARCH_KEY,
  URL_WRITE_DELAY_MS,
  useLibraryQuery,
  type LibraryQueryState,
} from '../../../../renderer/features/library/search/hooks/useLibraryQuery';
import { withCountsOf } from '../../../../renderer/features/library/search/hooks/useLibrarySearch';
import type { LibraryResult } from '../../../../shared/library/search';
import { render } from './render';

let state: LibraryQueryState;
let setUrl: (s: string) => void;
const writes: string[] = [];

/** The list's part: the URL's search text and a writer that replaces it (as the app's route does). */
function Probe({ initial }: { initial: string }) {
  const [url, set] = useState(initial);
  setUrl = set;
  state = useLibraryQuery(url, (next) => {
    writes.push(next);
    set(next);
  });
  return <output data-testid="url">{url}</output>;
}

const type = (text: string) => act(() => state.setQuery({ ...state.query, text }));

describe('useLibraryQuery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    writes.length = 0;
    sessionStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('answers each keystroke at once and writes the URL once typing pauses', () => {
    const view = render(<Probe initial="" />);
    for (const text of ['d', 'da', 'dat', 'data']) type(text);
    expect(state.query.text).toBe('data');
    expect(state.queryString).toBe('q=data');
    expect(writes).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    });
    expect(writes).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(writes).toEqual(['q=data']);
    expect(view.text('url')).toBe('q=data');
    expect(state.query.text).toBe('data');
  });

  it('keeps the same filter object while only the text changes (the filter bar is skipped)', () => {
    render(<Probe initial="severity=SEV1&service=api" />);
    const filter = state.query.filter;
    type('d');
    type('da');
    expect(state.query.text).toBe('da');
    expect(state.query.filter).toBe(filter);
    act(() => state.setQuery({ ...state.query, filter: { ...filter, service: ['api', 'db'] } }));
    expect(state.query.filter).not.toBe(filter);
    expect(state.query.filter.service).toEqual(['api', 'db']);
    expect(state.query.filter.severity).toEqual(['SEV1']);
    expect(state.query.text).toBe('da');
  });

  it('writes the pending text on blur', () => {
    render(<Probe initial="" />);
    type('cert');
    act(() => {
      state.flush();
    });
    expect(writes).toEqual(['q=cert']);
    // Nothing left to write when the timer fires.
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    });
    expect(writes).toEqual(['q=cert']);
  });

  it('keeps typed text over a reload: the page opened again on the same URL takes it and writes it', () => {
    render(<Probe initial="q=cert" />);
    type('certificate');
    expect(sessionStorage.getItem(PENDING_SEARCH_KEY)).not.toBeNull();
    // The reloaded page (its URL still the one typed over) — the old one never ran its timers.
    render(<Probe initial="q=cert" />);
    expect(state.query.text).toBe('certificate');
    expect(writes).toEqual(['q=certificate']);
    expect(sessionStorage.getItem(PENDING_SEARCH_KEY)).toBeNull();
    // Kept text typed over another URL is not taken.
    sessionStorage.setItem(PENDING_SEARCH_KEY, JSON.stringify({ from: 'q=else', value: 'q=elsewhere' }));
    render(<Probe initial="q=cert" />);
    expect(state.query.text).toBe('cert');
  });

  it('writes a filter at once, with the text typed so far', () => {
    render(<Probe initial="" />);
    type('disk');
    act(() => state.setQuery({ ...state.query, filter: { ...state.query.filter, severity: ['SEV1'] } }));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('q=disk');
    expect(writes[0]).toContain('severity=SEV1');
  });

  it('takes a URL changed from outside (Back) over what was typed, and drops the pending write', () => {
    render(<Probe initial="q=old" />);
    type('olde');
    act(() => {
      setUrl('q=other');
    });
    expect(state.query.text).toBe('other');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    });
    expect(writes).toEqual([]);
    expect(state.query.text).toBe('other');
  });

  it('does not write after the list is left (the route changed; writing would navigate back)', () => {
    const view = render(<Probe initial="" />);
    type('gone');
    view.unmount();
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS * 2);
    });
    expect(writes).toEqual([]);
  });
});

describe('withCountsOf', () => {
  const result = (service: number): LibraryResult => ({
    incidentIds: ['a'],
    hits: [],
    indexed: 1,
    counts: { severity: {}, status: {}, service: { api: service }, region: {}, category: {}, tag: {} },
  });
  it('keeps the earlier counts object when the counts are equal, and takes new ones when they differ', () => {
    const first = result(3);
    const same = withCountsOf(first, result(3));
    expect(same.counts).toBe(first.counts);
    expect(same.incidentIds).toEqual(['a']);
    const other = result(4);
    expect(withCountsOf(first, other).counts).toBe(other.counts);
    expect(withCountsOf(undefined, other)).toBe(other);
  });
});
