import { useEffect } from 'react';

/** Marks the document ready (`html[data-ready="true"]`) once the first screen has its data. */
export function useReadyMarker(ready: boolean): void {
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = 'true';
  }, [ready]);
}
