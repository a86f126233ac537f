// @vitest-environment happy-dom
// Trends opened first waited 400–700 ms on reading every incident's summary: the app reads them
// ahead once its search index is ready and nobody has typed or clicked for a moment.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from './render';

const state = vi.hoisted(() => ({ index: 'loading', load: vi.fn(() => Promise.resolve()) }));
vi.mock('../../../../renderer/features/library/search', () => ({
  useIndexState: () => ({ state: state.index }),
}));
vi.mock('../../../../renderer/features/trends/model/libraryStore', () => ({
  libraryStore: () => ({ load: state.load }),
}));
const { PreloadLibrary, PRELOAD_QUIET_MS } =
  await import('../../../../renderer/features/trends/hooks/usePreloadLibrary');

beforeEach(() => {
  vi.useFakeTimers();
  state.load.mockClear();
});
afterEach(() => vi.useRealTimers());

const press = () => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })));
/** Typing that fires no key event (a paste, an input method, a script): only `input`. */
const type = () => act(() => void document.body.dispatchEvent(new Event('input', { bubbles: true })));
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

describe('reading the library ahead', () => {
  it('waits for the search index, then for a quiet moment; a key puts it off; it reads once', () => {
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

    press();
    wait(PRELOAD_QUIET_MS * 3);
    expect(state.load).toHaveBeenCalledTimes(1);
  });
});
