// @vitest-environment happy-dom
// The start-up sweep of incidents created and left untouched: it discards those, and it does not
// open a read-write transaction for every incident of a big library to find them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncident } from '../../../../shared/domain';
import * as repos from '../../../../renderer/db/repos';
import { freshDb } from '../../db/testDb';
import { renderHook, until } from './render';

vi.mock('../../../../renderer/db/repos', async (original) => {
  const actual = await original<typeof repos>();
  return { ...actual, discardIfUntouched: vi.fn(actual.discardIfUntouched) };
});

const { useDiscardUntouched } =
  await import('../../../../renderer/features/incidents/hooks/useDiscardUntouched');

beforeEach(() => {
  freshDb('discard-untouched');
  vi.mocked(repos.discardIfUntouched).mockClear();
});

describe('useDiscardUntouched at start', () => {
  it('discards untouched incidents but the open one, checking only rows still as created', async () => {
    const untouched = createIncident({ id: 'inc-untouched', now: 1 });
    const open = createIncident({ id: 'inc-open', now: 2 });
    const edited = Array.from({ length: 20 }, (_, i) =>
      createIncident({ id: `inc-edited-${i}`, now: 3 + i, title: `Outage ${i}` }),
    );
    for (const i of [untouched, open, ...edited]) await repos.putIncident(i);

    renderHook(() => useDiscardUntouched('inc-open'));
    await until(async () => expect(await repos.getIncident('inc-untouched')).toBeUndefined());
    expect((await repos.listIncidents()).map((i) => i.id).sort()).toEqual(
      ['inc-open', ...edited.map((i) => i.id)].sort(),
    );
    expect(vi.mocked(repos.discardIfUntouched).mock.calls.map(([id]) => id)).toEqual(['inc-untouched']);
  });
});
