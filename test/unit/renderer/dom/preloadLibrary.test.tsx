// @vitest-environment happy-dom
// Trends opened first waited 400–700 ms on reading every incident's summary and computing its
// report: the app does both ahead once its search index is ready and nobody has typed or clicked
// for a moment.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from './render';

const state = vi.hoisted(() => {
  const s = {
    index: 'loading',
    library: undefined as unknown[] | undefined,
    load: vi.fn(() => {
      s.library = [];
      return Promise.resolve();
    }),
    report: vi.fn(),
  };
  return s;
});
vi.mock('../../../../renderer/features/library/search', () => ({
  useIndexState: () => ({ state: state.index }),
}));
vi.mock('../../../../renderer/features/trends/model/libraryStore', () => ({
  libraryStore: () => ({ load: state.load, getSnapshot: () => state.library }),
}));
vi.mock('../../../../renderer/features/trends/model/trendsReport', () => ({ trendsReport: state.report }));
const { PreloadLibrary, PRELOAD_QUIET_MS } =
  await import('../../../../renderer/features/trends/hooks/usePreloadLibrary');

beforeEach(() => {
  vi.useFakeTimers();
  state.load.mockClear();
  state.report.mockClear();
  state.library = undefined;
});
afterEach(() => vi.useRealTimers());

const press = () => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })));
/** Typing that fires no key event (a paste, an input method, a script): only `input`. */
const type = () => act(() => void document.body.dispatchEvent(new Event('input', { bubbles: true })));
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
/** Lets the read's promise settle. */
const settle = () => act(() => Promise.resolve());

describe('reading the library ahead', () => {
  it('waits for the search index and a quiet moment to read, another to compute the report; keys put it off', async () => {
    const view = render(<PreloadLibrary />);
    wait(PRELOAD_QUIET_MS * 3);
    expect(state.load).not.toHaveBeenCalled();

    state.index = 'ready';
    view.rerender(<PreloadLibrary />);
    wait(PRELOAD_QUIET_MS - 100);
    press();
    wait(PRELOAD_QUIET_MS - 100);
    type();
    wait(PRELOAD_QUIET_MS - 100);
    expect(state.load).not.toHaveBeenCalled();
    wait(PRELOAD_QUIET_MS);
    expect(state.load).toHaveBeenCalledTimes(1);
    await settle();

    // Read: the report of the view's default period (all time) follows a quiet moment later.
    wait(PRELOAD_QUIET_MS - 100);
    press();
    wait(PRELOAD_QUIET_MS - 100);
    expect(state.report).not.toHaveBeenCalled();
    wait(PRELOAD_QUIET_MS);
    expect(state.report).toHaveBeenCalledTimes(1);
    expect(state.report.mock.calls[0]?.slice(0, 2)).toEqual([[], { from: null, to: null }]);

    press();
    wait(PRELOAD_QUIET_MS * 3);
    expect(state.load).toHaveBeenCalledTimes(1);
    expect(state.report).toHaveBeenCalledTimes(1);
  });
});
