// @vitest-environment happy-dom
// Trends: a figure's table shows its first rows until asked for all (3,600 open follow-ups were
// ~30,000 elements, most of the view's first render), and a table behind a closed "Numbers" is
// drawn when opened. The CSV download is not limited.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../../../shared/library';
import { FIGURE_ROW_LIMIT, FigureCard } from '../../../../renderer/features/trends/components/FigureCard';
import { render } from './render';

function figure(rows: number, chart: boolean): Figure {
  return {
    table: {
      id: 'open-follow-ups',
      title: 'Open follow-ups',
      columns: [
        { label: 'Action item', kind: 'text' },
        { label: 'Due', kind: 'date' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [`item ${i}`, '2026-01-01']),
      notes: [],
    },
    svg: chart ? () => '<svg xmlns="http://www.w3.org/2000/svg"></svg>' : null,
  };
}

const bodyRows = (el: HTMLElement) => el.querySelectorAll('tbody tr').length;

describe('figure card', () => {
  it('shows the first rows of a long table, and all of them on request', () => {
    const view = render(
      <FigureCard figure={figure(FIGURE_ROW_LIMIT + 70, false)} onError={() => undefined} />,
    );
    expect(bodyRows(view.container)).toBe(FIGURE_ROW_LIMIT);
    expect(view.container.textContent).toContain(
      `Showing ${FIGURE_ROW_LIMIT} of ${FIGURE_ROW_LIMIT + 70} rows`,
    );
    const all = [...view.container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Show all'),
    );
    act(() => all!.click());
    expect(bodyRows(view.container)).toBe(FIGURE_ROW_LIMIT + 70);
    expect(view.container.textContent).not.toContain('Showing');
  });

  it('draws its chart once, at the width the card is laid out at', () => {
    const f = figure(3, true);
    const svg = vi.fn(f.svg!);
    render(<FigureCard figure={{ ...f, svg }} onError={() => undefined} />);
    // The test DOM lays the card out 0 wide: the narrowest chart, never a guessed width first.
    expect(svg.mock.calls.map(([, o]) => o?.width)).toEqual([320]);
  });

  it('draws at the width the view measured; a resize observer reporting that width draws nothing again', () => {
    const observers: ((width: number) => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly fn: ResizeObserverCallback) {}
        observe() {
          observers.push((width) =>
            this.fn([{ contentRect: { width } } as ResizeObserverEntry], this as unknown as ResizeObserver),
          );
        }
        disconnect() {}
      },
    );
    try {
      const f = figure(3, true);
      const svg = vi.fn(f.svg!);
      render(<FigureCard figure={{ ...f, svg }} onError={() => undefined} initialWidth={700.4} />);
      act(() => observers.forEach((report) => report(700.4)));
      expect(svg.mock.calls.map(([, o]) => o?.width)).toEqual([700]);
      act(() => observers.forEach((report) => report(540)));
      expect(svg.mock.calls.map(([, o]) => o?.width)).toEqual([700, 540]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a short table whole, and draws a chart figure’s numbers when they are opened', () => {
    const view = render(<FigureCard figure={figure(3, true)} onError={() => undefined} />);
    expect(bodyRows(view.container)).toBe(0);
    const details = view.container.querySelector('details')!;
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    expect(bodyRows(view.container)).toBe(3);
    expect(view.container.textContent).not.toContain('Showing');
  });
});
