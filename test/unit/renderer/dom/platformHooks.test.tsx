// @vitest-environment happy-dom
// Hooks that reach the machine through renderer/platform, run against the platform made for
// tests (the unit-test configuration resolves renderer/platform to index.testing.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { platform } from '../../../../renderer/platform';
import { pickedFile, testing } from '../../../../renderer/platform/index.testing';
import { useMenuActions, type MenuHandlers } from '../../../../renderer/app/useMenuActions';
import { useBundleActions } from '../../../../renderer/features/bundles/hooks/useBundleActions';
import { addIncident, listIncidents } from '../../../../renderer/db/repos/incidents';
import { AlertProvider } from '../../../../renderer/ui/Alerts';
import { freshDb } from '../../db/testDb';
import { acting, render, renderHook, until } from './render';

beforeEach(() => {
  testing.reset();
  freshDb('platform-hooks');
});

describe('the testing platform', () => {
  it('is what renderer code receives under test', () => {
    expect(platform.kind).toBe('web');
    testing.setKind('desktop');
    expect(platform.kind).toBe('desktop');
    expect(platform.backups).toBeDefined();
    expect(platform.printToPdf).toBeDefined();
  });
});

describe('useMenuActions', () => {
  const handlers = (): MenuHandlers => ({
    newIncident: vi.fn(),
    openBundleText: vi.fn(),
    bundleFailed: vi.fn(),
    importLogs: vi.fn(),
    exportCurrent: vi.fn(),
    showShortcuts: vi.fn(),
    showAbout: vi.fn(),
    joinInvite: vi.fn(),
  });

  it('routes each menu action to the current handler and stops listening when unmounted', () => {
    const first = handlers();
    function Menu({ h }: { h: MenuHandlers }) {
      useMenuActions(h);
      return null;
    }
    const view = render(<Menu h={first} />);
    expect(testing.menuListeners).toBe(1);
    testing.menu({ type: 'bundle-opened', text: '{}', name: 'a.rootline.json' });
    expect(first.openBundleText).toHaveBeenCalledWith('{}', 'a.rootline.json');

    // New handlers (a re-render) replace the old ones without subscribing again.
    const second = handlers();
    view.rerender(<Menu h={second} />);
    expect(testing.menuListeners).toBe(1);
    testing.menu({ type: 'new-incident' });
    expect(second.newIncident).toHaveBeenCalledTimes(1);
    expect(first.newIncident).not.toHaveBeenCalled();
    // An invite link the OS opened goes to the join screen.
    testing.menu({ type: 'join-invite', server: 'wss://sync.example', token: 'a.b.c' });
    expect(second.joinInvite).toHaveBeenCalledWith('wss://sync.example', 'a.b.c');

    view.unmount();
    expect(testing.menuListeners).toBe(0);
  });
});

describe('useBundleActions', () => {
  it('saves a bundle through the platform and opens it again as a copy', async () => {
    const incident = await addIncident({ title: 'Checkout outage' });
    const opened: string[] = [];
    const hook = renderHook(() => useBundleActions((id) => opened.push(id)));

    await acting(() => hook.current().exportBundle(incident.id));
    expect(testing.saved).toHaveLength(1);
    const saved = testing.saved[0]!;
    expect(saved.name).toMatch(/\.rootline\.json$/);
    expect(saved.mime).toBe('application/json');
    expect(JSON.parse(saved.text)).toMatchObject({ incident: { id: incident.id, title: 'Checkout outage' } });

    testing.pickFiles(pickedFile(saved.name, saved.text));
    await acting(() => hook.current().chooseAndOpen());
    expect(testing.openFilesCalls).toEqual([{ accept: ['.json', 'application/json'], multiple: false }]);
    expect(opened).toHaveLength(1);
    expect(opened[0]).not.toBe(incident.id);
    const titles = (await listIncidents()).map((i) => i.title).sort();
    expect(titles).toEqual(['Checkout outage', 'Checkout outage (copy)']);
  });

  it('does nothing when the user cancels the picker', async () => {
    const opened: string[] = [];
    const hook = renderHook(() => useBundleActions((id) => opened.push(id)));
    await acting(() => hook.current().chooseAndOpen());
    expect(opened).toEqual([]);
    expect(await listIncidents()).toEqual([]);
  });

  it('tells the user when the incident to export is gone', async () => {
    function Exporter() {
      const actions = useBundleActions(() => undefined);
      return (
        <button type="button" onClick={() => void actions.exportBundle('missing')}>
          export
        </button>
      );
    }
    const view = render(
      <AlertProvider>
        <Exporter />
      </AlertProvider>,
    );
    await acting(async () => view.container.querySelector('button')!.click());
    await until(() => expect(document.body.textContent).toContain('Could not export the bundle'));
    expect(document.body.textContent).toContain('The incident no longer exists.');
    expect(testing.saved).toEqual([]);
  });
});
