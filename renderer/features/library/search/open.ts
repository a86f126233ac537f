import type { LibraryHit } from '../../../../shared/library/search';
import { goTo } from '../../../routing/route';
import { requestCauseFocus } from '../../causes';
import { sectionElement, showSection } from '../../document';
import { revealTimelineEvent } from '../../timeline';

/** How long to wait for a place to appear after its tab opened (its rows load first). */
const APPEAR_MS = 5_000;

/** Calls `fn` with the element once `find` returns one (or never, after APPEAR_MS). */
function whenShown(find: () => HTMLElement | null, fn: (el: HTMLElement) => void): void {
  const now = find();
  if (now !== null) return fn(now);
  const observer = new MutationObserver(() => {
    const el = find();
    if (el === null) return;
    stop();
    fn(el);
  });
  const timer = setTimeout(() => stop(), APPEAR_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}

/** Scrolls a row into view and marks it for a moment, so the eye finds it. */
function flash(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center' });
  el.classList.add('search-target');
  setTimeout(() => el.classList.remove('search-target'), 2_000);
}

const byData = (attr: string, id: string) => () =>
  document.querySelector<HTMLElement>(`[${attr}="${id.replace(/["\\]/g, '\\$&')}"]`);

/**
 * Opens the exact place of a search hit: the event in the timeline (selected, scrolled to), the
 * cause in the outline, the action item's row, the document section, the comment in Review, or
 * the incident's overview for its title and summary.
 */
export function openSearchHit(incidentId: string, hit: Pick<LibraryHit, 'kind' | 'targetId'>): void {
  switch (hit.kind) {
    case 'incident':
      goTo({ name: 'incident', id: incidentId, tab: 'overview' });
      return;
    case 'event':
      revealTimelineEvent(incidentId, hit.targetId);
      return;
    case 'cause':
      requestCauseFocus(hit.targetId);
      goTo({ name: 'incident', id: incidentId, tab: 'causes' });
      return;
    case 'action':
      goTo({ name: 'incident', id: incidentId, tab: 'actions' });
      whenShown(byData('data-action-id', hit.targetId), flash);
      return;
    case 'section':
      goTo({ name: 'incident', id: incidentId, tab: 'document' });
      whenShown(
        () => sectionElement(hit.targetId),
        () => showSection(hit.targetId),
      );
      return;
    case 'comment':
      goTo({ name: 'incident', id: incidentId, tab: 'review' });
      whenShown(byData('data-comment-id', hit.targetId), flash);
      return;
  }
}
