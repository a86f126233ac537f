// @vitest-environment happy-dom
// The chart on screen is stacked images of its SVG layers. A new drawing's layers load out of
// sight while the shown ones stay, and replace them together once all have loaded; each blob
// URL is revoked once its image has loaded, and none is left when the chart goes.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartImage } from '../../../../renderer/features/timeline/components/ChartImage';
import { render, until } from './render';

let made: string[] = [];
let revoked: Set<string>;
beforeEach(() => {
  made = [];
  revoked = new Set();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    const url = `blob:layer-${++n}`;
    made.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => void revoked.add(url));
});
afterEach(() => vi.restoreAllMocks());

const images = (c: HTMLElement) =>
  [...c.querySelectorAll('img')].map((img) => ({
    src: img.getAttribute('src'),
    hidden: img.style.visibility === 'hidden',
    alt: img.getAttribute('alt'),
  }));
const load = (c: HTMLElement, src: string) =>
  act(() => {
    c.querySelector(`img[src="${src}"]`)!.dispatchEvent(new Event('load'));
  });

describe('ChartImage', () => {
  it('keeps the shown drawing until every layer of the next has loaded, then swaps them at once', async () => {
    const view = render(
      <ChartImage layers={['<svg>a0</svg>', '<svg>a1</svg>']} width={900} height={300} injected={0} />,
    );
    await until(() => expect(images(view.container)).toHaveLength(2));
    // The first drawing has nothing to keep: its layers show as they load, the bottom one named.
    expect(images(view.container).map((i) => i.hidden)).toEqual([false, false]);
    expect(images(view.container)[0]!.alt).toMatch(/^Swimlane chart/);
    expect(images(view.container)[1]!.alt).toBe('');
    load(view.container, 'blob:layer-1');
    load(view.container, 'blob:layer-2');
    expect(revoked).toEqual(new Set(['blob:layer-1', 'blob:layer-2']));
    const firstShown = view.container.querySelector('img[src="blob:layer-1"]');

    view.rerender(
      <ChartImage
        layers={['<svg>b0</svg>', '<svg>b1</svg>', '<svg>b2</svg>']}
        width={900}
        height={300}
        injected={0}
      />,
    );
    await until(() => expect(images(view.container)).toHaveLength(5));
    const [a0, a1, ...b] = images(view.container);
    expect([a0!.src, a1!.src, a0!.hidden, a1!.hidden]).toEqual([
      'blob:layer-1',
      'blob:layer-2',
      false,
      false,
    ]);
    expect(b.map((i) => [i.src, i.hidden, i.alt])).toEqual([
      ['blob:layer-3', true, ''],
      ['blob:layer-4', true, ''],
      ['blob:layer-5', true, ''],
    ]);
    // The shown images keep their elements (a new element would load a revoked URL).
    expect(view.container.querySelector('img[src="blob:layer-1"]')).toBe(firstShown);
    // Two of three loaded: still the old drawing.
    load(view.container, 'blob:layer-3');
    load(view.container, 'blob:layer-5');
    expect(images(view.container)).toHaveLength(5);
    const shownBefore = view.container.querySelector('img[src="blob:layer-3"]');
    load(view.container, 'blob:layer-4');
    expect(images(view.container)).toEqual([
      { src: 'blob:layer-3', hidden: false, alt: expect.stringMatching(/^Swimlane chart/) as unknown },
      { src: 'blob:layer-4', hidden: false, alt: '' },
      { src: 'blob:layer-5', hidden: false, alt: '' },
    ]);
    // The same element: no image is loaded again by the swap (its URL is revoked already).
    expect(view.container.querySelector('img[src="blob:layer-3"]')).toBe(shownBefore);
    expect(revoked).toEqual(new Set(made));
  });

  it('revokes the URLs of a drawing overtaken before it was shown, and of images that never loaded', async () => {
    const view = render(<ChartImage layers={['<svg>a0</svg>']} width={900} height={300} injected={0} />);
    await until(() => expect(images(view.container)).toHaveLength(1));
    view.rerender(<ChartImage layers={['<svg>b0</svg>']} width={900} height={300} injected={0} />);
    await until(() => expect(made).toHaveLength(2));
    view.unmount();
    expect(revoked).toEqual(new Set(made));
  });
});
