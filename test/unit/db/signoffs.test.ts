import { describe, expect, it } from 'vitest';
import {
  addIncident,
  deleteIncident,
  duplicateIncident,
  getIncident,
  restoreIncident,
  updateIncident,
} from '../../../renderer/db/repos/incidents';
import {
  listSignOffs,
  listSignOffsByIncident,
  publishIncident,
  recordSignOff,
} from '../../../renderer/db/repos/signoffs';
import { loadIncidentSnapshot } from '../../../renderer/db/repos/snapshot';
import { readDamagedRows } from '../../../renderer/db/repos/damagedRows';
import { freshDb } from './testDb';

const T = Date.UTC(2026, 11, 3, 7, 0);

async function incidentWithReviewers(reviewers: string[]) {
  const incident = await addIncident({ title: 'Checkout outage' }, T);
  await updateIncident(incident.id, { reviewers, status: 'in-review' }, T);
  return incident.id;
}

describe('sign-off repository', () => {
  it('records decisions as a log, oldest first, and they are part of the incident', async () => {
    freshDb('signoff-log');
    const id = await incidentWithReviewers(['Grace Hopper']);
    const first = await recordSignOff(
      id,
      { decision: 'changes-requested', by: ' Grace Hopper ', comment: 'Fix the timeline' },
      T + 1,
    );
    const second = await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: '' }, T + 2);
    expect(first.ok && second.ok).toBe(true);
    const rows = await listSignOffs(id);
    expect(rows.map((r) => [r.decision, r.by, r.at])).toEqual([
      ['changes-requested', 'Grace Hopper', T + 1],
      ['approved', 'Grace Hopper', T + 2],
    ]);
    expect((await loadIncidentSnapshot(id))?.signoffs.length).toBe(2);
    expect((await listSignOffsByIncident()).get(id)?.length).toBe(2);
  });

  it('refuses a request for changes without a comment, a blank name, or a missing incident', async () => {
    freshDb('signoff-refuse');
    const id = await incidentWithReviewers(['Grace Hopper']);
    const noComment = await recordSignOff(id, {
      decision: 'changes-requested',
      by: 'Grace Hopper',
      comment: '  ',
    });
    expect(noComment).toEqual({ ok: false, error: expect.stringMatching(/needs a comment/) as unknown });
    const noName = await recordSignOff(id, { decision: 'approved', by: ' ', comment: '' });
    expect(noName.ok).toBe(false);
    const gone = await recordSignOff('nope', { decision: 'approved', by: 'Grace Hopper', comment: '' });
    expect(gone).toEqual({ ok: false, error: 'This incident no longer exists.' });
    expect(await listSignOffs(id)).toEqual([]);
  });

  it('blocks publishing until every required reviewer approved, naming who is missing', async () => {
    freshDb('signoff-publish');
    const id = await incidentWithReviewers(['Grace Hopper', 'Edsger Dijkstra']);
    await recordSignOff(id, { decision: 'changes-requested', by: 'Edsger Dijkstra', comment: 'Why?' }, T + 1);
    const blocked = await publishIncident(id, { by: 'Ada', override: null }, T + 2);
    expect(blocked).toEqual({
      ok: false,
      blocked: true,
      error: 'Edsger Dijkstra requested changes; waiting for Grace Hopper to sign off.',
    });
    expect((await getIncident(id))?.status).toBe('in-review');

    await recordSignOff(id, { decision: 'approved', by: 'grace hopper', comment: '' }, T + 3);
    await recordSignOff(id, { decision: 'approved', by: 'Edsger Dijkstra', comment: 'OK now' }, T + 4);
    const done = await publishIncident(id, { by: 'Ada', override: null }, T + 5);
    expect(done).toEqual({ ok: true, override: null });
    expect((await getIncident(id))?.status).toBe('published');
    expect((await listSignOffs(id)).some((r) => r.decision === 'override')).toBe(false);
  });

  it('publishes over missing sign-off only with a reason, and records the override', async () => {
    freshDb('signoff-override');
    const id = await incidentWithReviewers(['Grace Hopper']);
    const noReason = await publishIncident(id, { by: 'Ada', override: ' ' }, T + 1);
    expect(noReason.ok).toBe(false);
    expect((await getIncident(id))?.status).toBe('in-review');

    const forced = await publishIncident(id, { by: 'Ada', override: 'Customer deadline' }, T + 2);
    expect(forced.ok).toBe(true);
    expect((await getIncident(id))?.status).toBe('published');
    const [override] = await listSignOffs(id);
    expect(override).toMatchObject({
      decision: 'override',
      by: 'Ada',
      comment: 'Customer deadline',
      at: T + 2,
      pending: ['Grace Hopper'],
    });
  });

  it('publishes an incident without required reviewers directly', async () => {
    freshDb('signoff-none');
    const id = await incidentWithReviewers([]);
    expect(await publishIncident(id, { by: 'Ada', override: null })).toEqual({ ok: true, override: null });
  });

  it('deletes an incident’s sign-offs with it, undo brings them back, a duplicate carries its own', async () => {
    freshDb('signoff-delete');
    const id = await incidentWithReviewers(['Grace Hopper']);
    await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: '' }, T + 1);
    const before = await listSignOffs(id);
    const copy = await duplicateIncident(id, T + 2);
    const copied = await listSignOffs(copy!.id);
    expect(copied.map((r) => [r.decision, r.by, r.at])).toEqual([['approved', 'Grace Hopper', T + 1]]);
    expect(copied[0]?.id).not.toBe(before[0]?.id);
    const removed = await deleteIncident(id);
    expect(await listSignOffs(id)).toEqual([]);
    await restoreIncident(removed!);
    expect(await listSignOffs(id)).toEqual(before);
  });

  it('leaves a damaged row out of the log and names it apart, without blocking the rest', async () => {
    const db = freshDb('signoff-damaged');
    const id = await incidentWithReviewers(['Grace Hopper']);
    await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: '' }, T + 1);
    await db.signoffs.put({
      id: 'bad-1',
      incidentId: id,
      decision: 'maybe',
      by: 'X',
      comment: '',
      at: T,
      pending: [],
    } as never);
    expect((await listSignOffs(id)).map((r) => r.decision)).toEqual(['approved']);
    const damaged = await readDamagedRows('signoffs', id);
    expect(damaged.map((d) => d.id)).toEqual(['bad-1']);
    expect(damaged[0]?.reason).toMatch(/decision/);
    expect(await publishIncident(id, { by: 'Ada', override: null })).toEqual({ ok: true, override: null });
  });

  it('never rejects: a store failure comes back as a message, nothing written', async () => {
    const db = freshDb('signoff-closed');
    const id = await incidentWithReviewers([]);
    db.close();
    const recorded = await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: '' });
    expect(recorded).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not record the sign-off; nothing was changed\./) as unknown,
    });
    const published = await publishIncident(id, { by: 'Ada', override: null });
    expect(published).toMatchObject({
      ok: false,
      blocked: false,
      error: expect.stringMatching(/^Could not publish; nothing was changed\./) as unknown,
    });
  });
});
