import { useEffect, useState } from 'react';
import { yieldToPage } from '../../../ui/yieldToPage';

/**
 * The chart as stacked <img>s of its SVG layers (shared/chart swimlaneSvgLayers): thousands of
 * marks cost a few DOM nodes, each layer is parsed in a task of its own, and stacked they show
 * what Export SVG writes. A new drawing's layers load out of sight and replace the shown ones
 * together, so no frame mixes two drawings.
 */
export function ChartImage({
  layers,
  width,
  height,
  injected,
}: {
  layers: string[];
  width: number;
  height: number;
  injected: number;
}) {
  // Each layer's blob URL in a task of its own (making eight of them was a 76 ms task). A URL
  // is revoked once its image has loaded (the image stays), or when it is never shown.
  const [urls, setUrls] = useState<string[]>([]);
  // URLs handed to an image that has not loaded yet (one set for the component's life).
  const [unloaded] = useState(() => new Set<string>());
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void (async () => {
      for (const svg of layers) {
        if (made.length > 0) await yieldToPage();
        if (!live) return;
        made.push(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
      }
      for (const url of made) unloaded.add(url);
      setUrls(made);
    })();
    return () => {
      live = false;
      for (const url of made) if (!unloaded.has(url)) URL.revokeObjectURL(url);
    };
  }, [layers, unloaded]);
  useEffect(
    () => () => {
      for (const url of unloaded) URL.revokeObjectURL(url);
    },
    [unloaded],
  );
  const [shown, setShown] = useState<string[]>([]);
  // Drawings put on screen so far (the benchmark waits for the next one).
  const [drawings, setDrawings] = useState(0);
  const onLoaded = (url: string) => {
    unloaded.delete(url);
    URL.revokeObjectURL(url);
    if (shown !== urls && urls.every((u) => !unloaded.has(u))) {
      setShown(urls);
      setDrawings((n) => n + 1);
    }
  };
  // Before the first drawing is complete there is nothing to keep: its layers show as they come.
  const hidden = shown.length > 0 && shown !== urls;
  const alt = `Swimlane chart of the events: lanes, marks, phase bands and record density${injected > 0 ? `; ${injected} ${injected === 1 ? 'mark has' : 'marks have'} a dashed ring: injected faults` : ''}`;
  const img = (url: string, i: number, pending: boolean) => {
    // One image carries the description: the bottom layer of what is on screen.
    const named = i === 0 && !(pending && hidden);
    return (
      <img
        key={url}
        className="tl-chart-img"
        src={url}
        width={width}
        height={height}
        alt={named ? alt : ''}
        aria-hidden={named ? undefined : true}
        style={pending && hidden ? { visibility: 'hidden' } : undefined}
        draggable={false}
        onLoad={() => onLoaded(url)}
        onError={() => onLoaded(url)}
      />
    );
  };
  return (
    <div className="tl-chart-layers" style={{ width, height }} data-drawings={drawings}>
      {/* One list, so an image keeps its element when it moves from the new layers to the shown. */}
      {[
        ...(shown === urls ? [] : shown.map((url, i) => img(url, i, false))),
        ...urls.map((url, i) => img(url, i, shown !== urls)),
      ]}
    </div>
  );
}
