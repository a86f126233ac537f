// @vitest-environment happy-dom
// The incident list draws its newest-edited incidents first and the rest on request: a thousand
// rows took half a second of the main thread at every start.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident } from '../../../../shared/domain';
import { IncidentList } from '../../../../renderer/features/incidents/components/IncidentList';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { testing } from '../../../../renderer/platform/index.testing';
import { AlertProvider } from '../../../../renderer/ui/Alerts';
import { ToastProvider } from '../../../../renderer/ui/Toast';
import { freshDb } from '../../db/testDb';
import { acting, render, until } from './render';

const COUNT = 130;

beforeEach(async () => {
  testing.reset();
  freshDb('incident-list-pages');
  for (let i = 0; i < COUNT; i++) {
    const at = Date.UTC(2026, 0, 1) + i * 60_000;
    await putIncident(createIncident({ id: `INC-${i}`, now: at, title: `Incident number ${i}` }));
  }
});

const none = () => undefined;
const rows = (el: HTMLElement) => el.querySelectorAll('tr.incident-row');

describe('incident list pages', () => {
  it('shows the newest 100, then the rest after "Show more"', async () => {
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
        </ToastProvider>
      </AlertProvider>,
    );
    await until(() => expect(rows(view.container)).toHaveLength(100));
    // Newest edit first: the last one written is on top, the oldest thirty wait.
    expect(rows(view.container)[0]?.textContent).toContain(`Incident number ${COUNT - 1}`);
    expect(view.container.textContent).not.toContain('Incident number 29');
    const more = [...view.container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Show 30 more of 30'),
    );
    expect(more).toBeDefined();
    await acting(async () => more!.click());
    await until(() => expect(rows(view.container)).toHaveLength(COUNT));
    expect(view.container.textContent).toContain('Incident number 0');
  });
});
