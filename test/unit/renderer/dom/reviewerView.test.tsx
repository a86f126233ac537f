// @vitest-environment happy-dom
// A reviewer's copy of a shared incident is read-only where the server would refuse their writes
// (overview, cause fields) and usable where it accepts them (review state, comments).
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident, type CauseNode } from '../../../../shared/domain';
import { IncidentView } from '../../../../renderer/app/IncidentView';
import { putCauses } from '../../../../renderer/db/repos/causes';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import type { IncidentTab } from '../../../../renderer/routing/route';
import { addShare, resetShares } from '../../../../renderer/sync/shares';
import { AlertProvider } from '../../../../renderer/ui/Alerts';
import { ToastProvider } from '../../../../renderer/ui/Toast';
import { freshDb } from '../../db/testDb';
import { fakeToken } from '../sync/tokens';
import { acting, render, until } from './render';

const NOW = 1_700_000_000_000;
const cause = (id: string, parentId: string | null, title: string): CauseNode => ({
  id,
  incidentId: 'i1',
  parentId,
  order: 0,
  kind: parentId === null ? 'incident' : 'cause',
  gate: 'AND',
  title,
  detail: '',
  category: null,
  evidenceEventIds: [],
  reviewState: 'open',
  createdAt: NOW,
  updatedAt: NOW,
});

function View({ tab }: { tab: IncidentTab }) {
  return (
    <AlertProvider>
      <ToastProvider>
        <IncidentView
          id="i1"
          tab={tab}
          onSelectTab={() => undefined}
          onBack={() => undefined}
          onExport={() => undefined}
          onError={() => undefined}
        />
      </ToastProvider>
    </AlertProvider>
  );
}

function field(root: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  const el = l && root.ownerDocument.getElementById(l.htmlFor);
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement))
    throw new Error(`no field ${label}`);
  return el;
}

/** Disabled as the user sees it: by itself or by a disabled fieldset around it. */
const disabled = (el: Element) =>
  (el as HTMLInputElement).disabled || el.closest('fieldset[disabled]') !== null;

beforeEach(async () => {
  freshDb('reviewer-view');
  resetShares();
  await putIncident(createIncident({ id: 'i1', now: NOW, title: 'Checkout down' }));
  await putCauses([cause('top', null, 'Checkout down'), cause('c1', 'top', 'Config push')]);
});

async function shareAs(role: 'author' | 'reviewer'): Promise<void> {
  const token = fakeToken({ name: 'Rita', role, incidents: ['i1'], exp: 4_000_000_000 });
  await acting(() => addShare({ incidentId: 'i1', server: 'ws://127.0.0.1:9', token }));
}

describe('a reviewer’s view', () => {
  it('says so, and the overview cannot be edited', async () => {
    await shareAs('reviewer');
    const { container } = render(<View tab="overview" />);
    await until(() => expect(container.querySelector('[data-testid="readonly-banner"]')).not.toBeNull());
    expect(container.textContent).toContain('You review this incident as Rita');
    expect(disabled(field(container, 'Title'))).toBe(true);
  });

  it('leaves review states and comments usable on a cause, the rest of it not', async () => {
    await shareAs('reviewer');
    const { container } = render(<View tab="causes" />);
    await until(() => expect(container.querySelector('input.row-title')).not.toBeNull());
    const titles = [...container.querySelectorAll<HTMLInputElement>('input.row-title')];
    expect(titles.every((t) => t.readOnly)).toBe(true);
    await acting(async () => titles.find((t) => t.value === 'Config push')!.focus());
    await until(() => expect(container.querySelector('section.cause-detail')).not.toBeNull());
    const detail = container.querySelector<HTMLElement>('section.cause-detail')!;
    expect(disabled(field(detail, 'Kind'))).toBe(true);
    const review = [...detail.querySelectorAll<HTMLInputElement>('input[type="radio"][name^="review-"]')];
    expect(review).toHaveLength(3);
    expect(review.some(disabled)).toBe(false);
    // The threads load after the detail: wait for the composer.
    await until(() => expect(detail.querySelector('textarea[aria-label="New comment"]')).not.toBeNull());
    expect(disabled(detail.querySelector('textarea[aria-label="New comment"]')!)).toBe(false);
  });

  it('is not read-only for an author', async () => {
    await shareAs('author');
    const { container } = render(<View tab="overview" />);
    await until(() => expect(container.textContent).toContain('Title'));
    expect(container.querySelector('[data-testid="readonly-banner"]')).toBeNull();
    expect(disabled(field(container, 'Title'))).toBe(false);
  });
});
