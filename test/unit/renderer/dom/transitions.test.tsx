// @vitest-environment happy-dom
// A store's version followed as a transition: every change is rendered, one made before the
// component subscribed too, a swapped store's version is read at once, and the subscription ends
// with the component.
import { act, useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useTransitionVersion, type VersionedStore } from '../../../../renderer/ui/transitions';
import { render } from './render';

class Store implements VersionedStore {
  version = 0;
  readonly listeners = new Set<() => void>();
  subscribe(fn: () => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  bump() {
    this.version++;
    for (const l of this.listeners) l();
  }
}

function Probe({ store, onLayout }: { store: Store; onLayout?: () => void }) {
  const version = useTransitionVersion(store);
  // Runs after the render, before the subscribing effect: a change here is one the render missed.
  useLayoutEffect(() => onLayout?.(), [onLayout]);
  return <p data-testid="v">{version}</p>;
}

describe('useTransitionVersion', () => {
  it('renders every change of the store', async () => {
    const store = new Store();
    const view = render(<Probe store={store} />);
    expect(view.text('v')).toBe('0');
    await act(async () => store.bump());
    expect(view.text('v')).toBe('1');
    await act(async () => {
      store.bump();
      store.bump();
    });
    expect(view.text('v')).toBe('3');
  });

  it('sees a change made between its render and its subscription', async () => {
    const store = new Store();
    let view!: ReturnType<typeof render>;
    await act(async () => {
      view = render(<Probe store={store} onLayout={() => store.version === 0 && store.bump()} />);
    });
    expect(store.version).toBe(1);
    expect(view.text('v')).toBe('1');
  });

  it('reads a new store at once and leaves the old one', async () => {
    const a = new Store();
    const b = new Store();
    b.version = 7;
    const view = render(<Probe store={a} />);
    await act(async () => view.rerender(<Probe store={b} />));
    expect(view.text('v')).toBe('7');
    expect(a.listeners.size).toBe(0);
    expect(b.listeners.size).toBe(1);
    view.unmount();
    expect(b.listeners.size).toBe(0);
  });
});
