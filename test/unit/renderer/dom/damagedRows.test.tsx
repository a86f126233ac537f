// @vitest-environment happy-dom
// Issue 11, item 1: timeline event rows damaged in IndexedDB (a time past the Date range, a
// non-number time, a missing title, an unknown kind) are named one by one with "Export raw" and
// "Delete" on the tabs that list events, while the healthy events still show; the tab itself
// never falls to its error boundary.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident, eventDefaults, type TimelineEvent } from '../../../../shared/domain';
import { IncidentView } from '../../../../renderer/app/IncidentView';
import { AllActionsView } from '../../../../renderer/features/actions/components/AllActionsView';
import { IncidentList } from '../../../../renderer/features/incidents/components/IncidentList';
import type { IncidentTab } from '../../../../renderer/routing/route';
import { putEvents } from '../../../../renderer/db/repos/events';
import { putComments } from '../../../../renderer/db/repos/comments';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { testing } from '../../../../renderer/platform/index.testing';
import { AlertProvider } from '../../../../renderer/ui/Alerts';
import { ToastProvider } from '../../../../renderer/ui/Toast';
import { freshDb } from '../../db/testDb';
import type { RootlineDb } from '../../../../renderer/db/schema';
import { acting, render, until } from './render';

const INC = 'INC-DAMAGED-EVENTS';

function event(id: string, at: number, title: string): TimelineEvent {
  return {
    ...eventDefaults(),
    id,
    incidentId: INC,
    at,
    title,
    kind: 'impact',
    key: true,
    createdAt: 1,
    updatedAt: 1,
  };
}

/** A healthy incident with two healthy events and four rows no schema accepts. */
async function seed(db: RootlineDb): Promise<void> {
  await putIncident(createIncident({ id: INC, now: 1, title: 'Outage with damaged rows' }));
  await putEvents([
    event('GOOD-1', Date.UTC(2026, 0, 1, 10), 'Healthy event one'),
    event('GOOD-2', Date.UTC(2026, 0, 1, 11), 'Healthy event two'),
  ]);
  // Written as DevTools or another build would: past the schema, straight into the table.
  await db.events.bulkPut([
    { ...event('BAD-FAR', 8.64e15 + 1, 'Far future event') },
    { ...event('BAD-MAX', Number.MAX_SAFE_INTEGER, 'Max safe event') },
    { ...event('BAD-TYPE', 0, 'Text time event'), at: '2026-01-01' as unknown as number },
    { ...event('BAD-KIND', Date.UTC(2026, 0, 1, 12), 'Unknown kind event'), kind: 'bogus' as 'note' },
    {
      ...event('BAD-NOTITLE', Date.UTC(2026, 0, 1, 13), ''),
      title: undefined as unknown as string,
    },
  ]);
}

function View({ tab }: { tab: IncidentTab }) {
  return (
    <AlertProvider>
      <ToastProvider>
        <IncidentView
          id={INC}
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

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

const alerts = (root: HTMLElement) =>
  [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');

let db: RootlineDb;
beforeEach(async () => {
  testing.reset();
  db = freshDb('damaged-events');
  await seed(db);
});

describe('damaged timeline event rows', () => {
  it('the Timeline tab names each damaged event and still shows the healthy ones', async () => {
    const view = render(<View tab="timeline" />);
    // Three are named at once; the rest wait behind a button so the timeline stays in view.
    await until(() => expect(alerts(view.container)).toHaveLength(3));
    await acting(async () => button(view.container, 'Show 2 more damaged timeline events').click());
    await until(() => expect(alerts(view.container)).toHaveLength(5));
    const text = alerts(view.container).join('\n');
    expect(text).not.toMatch(/tab failed/);
    for (const name of ['Far future event', 'Max safe event', 'Text time event', 'Unknown kind event'])
      expect(text).toContain(`Timeline event “${name}” is damaged`);
    // No title: named by its id.
    expect(text).toContain('Timeline event “BAD-NOTITLE” is damaged');
    expect(text).toMatch(/at: a time must be within the JavaScript date range/);
    // The table is virtual (no rows without a layout); its count is the store's healthy events.
    await until(() => expect(view.container.textContent).toMatch(/Key only\s*2 events/));

    // Export raw gives the row as stored; Delete removes only it.
    const far = [...view.container.querySelectorAll('[role="alert"]')].find((a) =>
      a.textContent?.includes('Far future event'),
    )!;
    await acting(async () => far.querySelector<HTMLButtonElement>('button')!.click());
    await until(() => expect(testing.saved.map((s) => s.name)).toEqual(['far-future-event.raw.json']));
    expect(JSON.parse(testing.saved[0]!.text)).toMatchObject({
      rawRootlineRows: { events: [{ id: 'BAD-FAR', at: 8.64e15 + 1 }] },
    });
    const del = [...far.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!;
    await acting(async () => del.click());
    const confirm = [...document.querySelectorAll('[role="alertdialog"] button')].find(
      (b) => b.textContent === 'Delete',
    ) as HTMLButtonElement;
    await acting(async () => confirm.click());
    await until(() => expect(alerts(view.container)).toHaveLength(4));
    expect(await db.events.get('BAD-FAR')).toBeUndefined();
    expect(await db.events.get('GOOD-1')).toBeDefined();
  });

  it('the Document tab names them too and its live timeline shows the healthy events', async () => {
    const view = render(<View tab="document" />);
    await until(() => expect(alerts(view.container)).toHaveLength(3));
    expect(view.container.textContent).toContain('Show 2 more damaged timeline events');
    expect(alerts(view.container).join('\n')).not.toMatch(/tab failed/);
    // A template's live timeline block fills in from the healthy events only.
    const use = () =>
      [...view.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Use Google SRE'));
    await until(() => expect(use()).toBeDefined());
    await acting(async () => use()!.click());
    await until(() => expect(view.container.textContent).toContain('Healthy event two'));
    expect(view.container.textContent).not.toMatch(/tab failed|Invalid time value/);
  });

  it('the incident list and the cross-incident action items view do not blank', async () => {
    const none = () => undefined;
    const view = render(
      <AlertProvider>
        <ToastProvider>
          <IncidentList
            search=""
            onSearchChange={none}
            onNew={none}
            onOpenBundle={none}
            onDeleteConfirmed={none}
            onOpen={none}
            onRename={none}
            onDuplicate={none}
            onExport={none}
          />
          <AllActionsView onOpenIncident={none} />
        </ToastProvider>
      </AlertProvider>,
    );
    await until(() => expect(view.container.textContent).toContain('Outage with damaged rows'));
    await until(() => expect(view.container.querySelector('h1')?.textContent).toBe('Incidents'));
    expect(alerts(view.container)).toEqual([]);
  });

  it('a damaged comment, import or pattern row is named on its tab; the rest still shows', async () => {
    const comment = {
      id: 'GOOD-COMMENT',
      incidentId: INC,
      targetType: 'incident' as const,
      targetId: INC,
      parentId: null,
      author: 'Reviewer',
      body: 'A healthy thread',
      createdAt: Date.UTC(2026, 0, 2),
      editedAt: null,
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
    };
    await putComments([comment]);
    await db.comments.put({ ...comment, id: 'BAD-COMMENT', body: 'Broken', createdAt: 8.64e15 + 1 });
    await db.imports.put({
      id: 'BAD-IMPORT',
      incidentId: INC,
      fileName: 'broken.log',
      importedAt: Number.MAX_SAFE_INTEGER,
    } as never);

    await db.patterns.put({
      id: 'BAD-PATTERN',
      incidentId: INC,
      template: 'GET <*>',
      firstAt: Number.NaN,
    } as never);

    const review = render(<View tab="review" />);
    await until(() =>
      expect(alerts(review.container).join('\n')).toContain('Comment “BAD-COMMENT” is damaged'),
    );
    expect(alerts(review.container).join('\n')).not.toMatch(/tab failed/);
    await until(() => expect(review.container.textContent).toContain('A healthy thread'));
    review.unmount();

    const timeline = render(<View tab="timeline" />);
    await until(() =>
      expect(alerts(timeline.container).join('\n')).toContain('Import “broken.log” is damaged'),
    );
    expect(alerts(timeline.container).join('\n')).toContain('Log pattern “BAD-PATTERN” is damaged');
    expect(alerts(timeline.container).join('\n')).not.toMatch(/tab failed/);
    await until(() => expect(timeline.container.textContent).toMatch(/Key only\s*2 events/));
  });
});
