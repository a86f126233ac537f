// @vitest-environment happy-dom
// Share…, the join view and the connection indicator, against a test database.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident } from '../../../../shared/domain';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { getPref } from '../../../../renderer/db/repos/prefs';
import { getDb } from '../../../../renderer/db/db';
import { JoinView, ShareDialog, SyncIndicator } from '../../../../renderer/features/share';
import { resetShares, SHARES_PREF, type Share } from '../../../../renderer/sync/shares';
import { publishSyncStatus } from '../../../../renderer/sync/status';
import { freshDb } from '../../db/testDb';
import { fakeToken } from '../sync/tokens';
import { act, render, until } from './render';

const NOW = 1_700_000_000_000;
const author = fakeToken({ name: 'Alice Author', role: 'author', incidents: ['i1'], exp: 4_000_000_000 });
const reviewer = fakeToken({ name: 'Rita', role: 'reviewer', incidents: ['i1', 'i2'], exp: 4_000_000_000 });

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function byLabel(container: HTMLElement, label: string): HTMLInputElement {
  const l = [...container.querySelectorAll('label')].find((x) => x.textContent === label);
  const el = l && container.ownerDocument.getElementById(l.htmlFor);
  if (!(el instanceof HTMLInputElement)) throw new Error(`no field "${label}"`);
  return el;
}
function button(container: HTMLElement, name: string): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

beforeEach(async () => {
  freshDb('share');
  resetShares();
  publishSyncStatus('i1', null);
  await putIncident(createIncident({ id: 'i1', now: NOW, title: 'Checkout down' }));
});

describe('ShareDialog', () => {
  it('names what is wrong, then shares with an invite link and keeps the share in prefs', async () => {
    let closed = 0;
    const errors: string[] = [];
    const { container } = render(
      <ShareDialog
        incidentId="i1"

        onClose={() => closed++}
        onError={(m) => errors.push(m)}
      />,
    );
    const dialog = document.body;
    type(byLabel(dialog, 'Token'), 'not a token');
    act(() => button(dialog, 'Share').click());
    expect(dialog.textContent).toContain('Enter the sync server address');
    type(byLabel(dialog, 'Server address'), 'http://127.0.0.1:5230');
    expect(dialog.textContent).toContain('This is not a token');
    const other = fakeToken({ name: 'A', role: 'author', incidents: ['zz'], exp: 4_000_000_000 });
    type(byLabel(dialog, 'Token'), other);
    expect(dialog.textContent).toContain('This token does not open this incident (i1)');
    type(byLabel(dialog, 'Token'), '');
    type(byLabel(dialog, 'Server address'), '');
    type(
      byLabel(dialog, 'Invite link'),
      `rootline://join?server=${encodeURIComponent('wss://sync.example')}&token=${author}`,
    );
    expect(container.ownerDocument.querySelector('[data-testid="share-preview"]')?.textContent).toBe(
      'You will be Alice Author, author (edits everything) on wss://sync.example.',
    );
    act(() => button(dialog, 'Share').click());
    await until(() => expect(closed).toBe(1));
    const stored = await getPref<Share[]>(SHARES_PREF, []);
    expect(stored).toMatchObject([
      { incidentId: 'i1', server: 'wss://sync.example', token: author, name: 'Alice Author', role: 'author' },
    ]);
    expect(errors).toEqual([]);
  });

  it('stops sharing and keeps the incident', async () => {
    const { container } = render(
      <ShareDialog
        incidentId="i1"

        onClose={() => undefined}
        onError={() => undefined}
      />,
    );
    type(byLabel(container.ownerDocument.body, 'Invite link'), `#/join?server=ws://h:1&token=${author}`);
    act(() => button(container.ownerDocument.body, 'Share').click());
    await until(async () => expect(await getPref<Share[]>(SHARES_PREF, [])).toHaveLength(1));
    await until(() => expect(container.ownerDocument.body.textContent).toContain('Stop sharing'));
    await until(() => expect(button(container.ownerDocument.body, 'Stop sharing').disabled).toBe(false));
    act(() => button(container.ownerDocument.body, 'Stop sharing').click());
    await until(async () => expect(await getPref<Share[]>(SHARES_PREF, [])).toEqual([]));
    expect((await getDb().incidents.get('i1'))?.title).toBe('Checkout down');
  });
});

describe('JoinView', () => {
  it('joins every incident the invite opens and opens the first', async () => {
    const joined: string[] = [];
    const { container } = render(
      <JoinView
        server="ws://127.0.0.1:5230"
        token={reviewer}
        onJoined={(id) => joined.push(id)}
        onCancel={() => undefined}
        onError={() => undefined}
      />,
    );
    expect(container.textContent).toContain('Rita, reviewer');
    expect(container.textContent).toContain('It opens 2 incidents: i1, i2.');
    act(() => button(container, 'Join').click());
    await until(() => expect(joined).toEqual(['i1']));
    const stored = await getPref<Share[]>(SHARES_PREF, []);
    expect(stored.map((s) => [s.incidentId, s.role, s.server])).toEqual([
      ['i1', 'reviewer', 'ws://127.0.0.1:5230'],
      ['i2', 'reviewer', 'ws://127.0.0.1:5230'],
    ]);
  });

  it('says why an invite cannot be used', () => {
    const expired = fakeToken({ name: 'R', role: 'reviewer', incidents: ['i1'], exp: 1_700_000_000 });
    const { container } = render(
      <JoinView
        server="ws://h:1"
        token={expired}
        onJoined={() => undefined}
        onCancel={() => undefined}
        onError={() => undefined}
      />,
    );
    expect(container.textContent).toContain('This invite cannot be used');
    expect(container.textContent).toContain('This token expired on 2023-11-14 22:13 UTC');
  });
});

describe('SyncIndicator', () => {
  it('shows connected, offline with waiting changes, and a refusal', async () => {
    const { container } = render(
      <JoinView
        server="ws://h:1"
        token={author}
        onJoined={() => undefined}
        onCancel={() => undefined}
        onError={() => undefined}
      />,
    );
    act(() => button(container, 'Join').click());
    const view = render(<SyncIndicator incidentId="i1" />);
    await until(() => expect(view.text('sync-indicator')).toBe('Starting…'));
    const base = { synced: true, refused: null, seeding: false } as const;
    act(() => publishSyncStatus('i1', { ...base, connection: 'connected', unsynced: 0 }));
    expect(view.text('sync-indicator')).toBe('Connected');
    act(() => publishSyncStatus('i1', { ...base, connection: 'offline', unsynced: 3 }));
    expect(view.text('sync-indicator')).toBe('Offline, 3 changes waiting');
    act(() => publishSyncStatus('i1', { ...base, connection: 'connected', unsynced: 1, synced: false }));
    expect(view.text('sync-indicator')).toBe('Syncing…');
    act(() =>
      publishSyncStatus('i1', { ...base, connection: 'offline', unsynced: 0, refused: 'token expired' }),
    );
    expect(view.text('sync-indicator')).toBe('Refused: token expired');
  });
});
