// Renders hooks and components into the DOM environment of the test file (happy-dom; each file
// that imports this says `// @vitest-environment happy-dom` on its first line).
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, vi } from 'vitest';

type ActGlobal = typeof globalThis & { IS_REACT_ACT_ENVIRONMENT?: boolean };
const actGlobal = globalThis as ActGlobal;
actGlobal.IS_REACT_ACT_ENVIRONMENT = true;

const mounted = new Set<{ root: Root; container: HTMLElement }>();

afterEach(() => {
  for (const m of mounted) {
    act(() => m.root.unmount());
    m.container.remove();
  }
  mounted.clear();
});

export interface Rendered {
  container: HTMLElement;
  rerender(ui: ReactNode): void;
  unmount(): void;
  /** The text of the element with this `data-testid`, or null when it is not rendered. */
  text(testId: string): string | null;
}

/** Mounts `ui` in a fresh container; it is unmounted after the test. */
export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const entry = { root, container };
  mounted.add(entry);
  act(() => root.render(ui));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      mounted.delete(entry);
    },
    text: (testId) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null,
  };
}

/** What a hook returns, kept current across renders. */
export function renderHook<T>(useHook: () => T): Rendered & { current(): T } {
  let value: { v: T } | null = null;
  function Probe(): null {
    value = { v: useHook() };
    return null;
  }
  const rendered = render(<Probe />);
  return {
    ...rendered,
    current: () => {
      if (value === null) throw new Error('the hook has not rendered');
      return value.v;
    },
  };
}

/**
 * Waits until `assertion` passes while IndexedDB and React settle (live queries resolve a few
 * tasks after a write). Polls by event-loop turns, never by the clock; with fake timers
 * installed each turn also runs the next due timer (a debounce fires as if its time had passed).
 * Fails after `turns` turns.
 */
export async function until(assertion: () => void | Promise<void>, turns = 500): Promise<void> {
  let last: unknown = null;
  for (let i = 0; i < turns; i++) {
    try {
      await assertion();
      return;
    } catch (e) {
      last = e;
    }
    await act(async () => {
      if (vi.isFakeTimers()) vi.advanceTimersToNextTimer();
      await new Promise<void>((r) => setImmediate(r));
    });
  }
  throw last;
}

/** Runs `fn` inside act() (state updates it causes are flushed before it returns). */
export async function acting<T>(fn: () => Promise<T>): Promise<T> {
  const out: T[] = [];
  await act(async () => {
    out.push(await fn());
  });
  return out[0] as T;
}

export { act, vi };
