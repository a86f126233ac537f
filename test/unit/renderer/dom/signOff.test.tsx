// @vitest-environment happy-dom
// The Review tab's sign-off: a required reviewer approves or requests changes (with a comment)
// under their name; publishing waits for every approval, and an author's override is recorded.
import { beforeEach, describe, expect, it } from 'vitest';
import { setCommentAuthor } from '../../../../renderer/db/repos/comments';
import { addIncident, getIncident, updateIncident } from '../../../../renderer/db/repos/incidents';
import { listSignOffs, recordSignOff } from '../../../../renderer/db/repos/signoffs';
import { ReviewPanel } from '../../../../renderer/features/review';
import { IncidentList } from '../../../../renderer/features/incidents/components/IncidentList';
import { setPref } from '../../../../renderer/db/repos/prefs';
import { resetShares, SHARES_PREF, type Share } from '../../../../renderer/sync/shares';
import { freshDb } from '../../db/testDb';
import { act, render, until } from './render';

const T = Date.UTC(2026, 11, 3, 7, 0);

beforeEach(() => {
  freshDb('signoff-dom');
  resetShares();
});

async function incident(reviewers: string[], status: 'in-review' | 'draft' = 'in-review') {
  const i = await addIncident({ title: 'Checkout outage' }, T);
  await updateIncident(i.id, { reviewers, status }, T);
  return i.id;
}

function typeInto(el: HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
  act(() => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

const click = (el: HTMLElement) =>
  act(() => {
    el.click();
  });

function reviewerItem(root: ParentNode, name: string): HTMLElement {
  const item = root.querySelector<HTMLElement>(`[aria-label="Sign-off of ${name}"]`);
  if (!item) throw new Error(`no sign-off row for ${name}`);
  return item;
}

describe('Review tab sign-off', () => {
  it('explains how to name required reviewers when there are none', async () => {
    const id = await incident([]);
    const view = render(<ReviewPanel incidentId={id} />);
    await until(() => expect(view.container.textContent).toContain('No required reviewers yet'));
    expect(view.container.querySelector('[aria-label^="Sign-off of"]')).toBeNull();
  });

  it('lets the signed-in reviewer request changes (comment required) and then approve; others see no buttons', async () => {
    const id = await incident(['Grace Hopper', 'Edsger Dijkstra']);
    await setCommentAuthor('grace hopper');
    const view = render(<ReviewPanel incidentId={id} />);
    await until(() => expect(reviewerItem(view.container, 'Grace Hopper').textContent).toContain('(you)'));
    const grace = () => reviewerItem(view.container, 'Grace Hopper');
    expect(grace().textContent).toContain('Not signed off yet');
    expect(reviewerItem(view.container, 'Edsger Dijkstra').querySelector('button')).toBeNull();
    expect(view.container.querySelector('#signoff-h')?.textContent).toContain('Waiting (0 of 2 approved)');

    click(button(grace(), 'Request changes…'));
    click(button(grace(), 'Request changes as grace hopper'));
    await until(() =>
      expect(grace().querySelector('[role="alert"]')?.textContent).toMatch(/needs a comment/),
    );
    expect(await listSignOffs(id)).toEqual([]);

    typeInto(grace().querySelector('textarea')!, 'The **timeline** misses the rollback.');
    click(button(grace(), 'Request changes as grace hopper'));
    await until(() => expect(grace().textContent).toContain('Changes requested'));
    expect(grace().querySelector('strong')?.textContent).toBe('timeline');
    expect(view.container.querySelector('#signoff-h')?.textContent).toContain('Changes requested');

    click(button(grace(), 'Approve…'));
    click(button(grace(), 'Approve as grace hopper'));
    await until(() => expect(grace().textContent).toMatch(/Approved\s*Dec 3, 2026|Approved.*2026/));
    const rows = await listSignOffs(id);
    expect(rows.map((r) => [r.decision, r.by])).toEqual([
      ['changes-requested', 'grace hopper'],
      ['approved', 'grace hopper'],
    ]);
    expect(view.container.querySelector('.signoff-history summary')?.textContent).toBe('History (2)');
  });

  it('says so when the signed-in name is not a required reviewer', async () => {
    const id = await incident(['Grace Hopper']);
    await setCommentAuthor('Ada Lovelace');
    const view = render(<ReviewPanel incidentId={id} />);
    await until(() =>
      expect(view.container.textContent).toContain('You (Ada Lovelace) are not a required reviewer'),
    );
    expect(reviewerItem(view.container, 'Grace Hopper').querySelector('button')).toBeNull();
  });
});

describe('publishing', () => {
  it('is blocked until every required reviewer approved, then publishes', async () => {
    const id = await incident(['Grace Hopper']);
    await setCommentAuthor('Ada Lovelace');
    const view = render(<ReviewPanel incidentId={id} />);
    await until(() => expect(button(view.container, 'Publish').disabled).toBe(true));
    expect(view.container.querySelector('.publish-blocked')?.textContent).toBe(
      'Publishing waits for sign-off: Waiting for Grace Hopper to sign off.',
    );
    // The required reviewers' sign-off is the approval: no "Approve" status button before it.
    const status = () => view.container.querySelector<HTMLElement>('[aria-label="Review status"]')!;
    expect(() => button(status(), 'Approve')).toThrow();

    await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: '' });
    await until(() => expect(button(view.container, 'Publish').disabled).toBe(false));
    expect(view.container.querySelector('.publish-blocked')).toBeNull();
    expect(button(status(), 'Approve')).toBeDefined();
    click(button(view.container, 'Publish'));
    await until(async () => expect((await getIncident(id))?.status).toBe('published'));
    expect((await listSignOffs(id)).some((r) => r.decision === 'override')).toBe(false);
  });

  it('lets an author publish anyway with a reason, and records and shows the override', async () => {
    const id = await incident(['Grace Hopper', 'Edsger Dijkstra']);
    await setCommentAuthor('Ada Lovelace');
    await recordSignOff(id, { decision: 'approved', by: 'Edsger Dijkstra', comment: '' }, T + 60_000);
    const view = render(<ReviewPanel incidentId={id} />);
    await until(() => expect(button(view.container, 'Publish anyway…')).toBeDefined());
    // The signed-in name has loaded (else publishing would first ask for it).
    await until(() => expect(view.container.textContent).toContain('You (Ada Lovelace)'));
    click(button(view.container, 'Publish anyway…'));
    const dialog = () => document.querySelector<HTMLElement>('[role="alertdialog"]')!;
    await until(() => expect(dialog().textContent).toContain('Waiting for Grace Hopper to sign off.'));

    click(button(dialog(), 'Publish anyway'));
    await until(() => expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/Say why/));
    expect((await getIncident(id))?.status).toBe('in-review');

    typeInto(dialog().querySelector('textarea')!, 'Customer deadline today');
    click(button(dialog(), 'Publish anyway'));
    // Publishing writes the override and the status in their own transactions: under CI's load
    // 500 turns were once not enough (the status still read 'in-review').
    await until(async () => expect((await getIncident(id))?.status).toBe('published'), 5_000);
    const override = (await listSignOffs(id)).find((r) => r.decision === 'override');
    expect(override).toMatchObject({
      by: 'Ada Lovelace',
      comment: 'Customer deadline today',
      pending: ['Grace Hopper'],
    });
    await until(() =>
      expect(view.container.querySelector('.signoff-override')?.textContent).toMatch(
        /Published by Ada Lovelace on .* without approval from Grace Hopper\..*Customer deadline today/,
      ),
    );
  });
});

describe('the incident list', () => {
  it('shows where each incident’s sign-off stands, live', async () => {
    const waiting = await incident(['Grace Hopper', 'Edsger Dijkstra']);
    const changes = await incident(['Grace Hopper']);
    await incident([]);
    await recordSignOff(waiting, { decision: 'approved', by: 'Grace Hopper', comment: '' });
    await recordSignOff(changes, { decision: 'changes-requested', by: 'Grace Hopper', comment: 'No' });
    const none = () => undefined;
    const view = render(
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
      />,
    );
    const badges = () =>
      [...view.container.querySelectorAll('.incident-row .signoff-badge')].map((b) => b.textContent);
    await until(() => expect(badges().sort()).toEqual(['Changes requested', 'Sign-off 1/2']));
    const badge = view.container.querySelector<HTMLElement>('.signoff-state-waiting');
    expect(badge?.title).toBe('Waiting for Edsger Dijkstra');

    await recordSignOff(waiting, { decision: 'approved', by: 'Edsger Dijkstra', comment: '' });
    await until(() => expect(badges().sort()).toEqual(['Changes requested', 'Signed off']));
  });
});

describe('on a shared incident', () => {
  it('a reviewer signs off under the token’s name and sees no status or publish controls', async () => {
    const id = await incident(['Grace Hopper', 'Edsger Dijkstra']);
    // This profile's comment name says otherwise: the token's name wins.
    await setCommentAuthor('Someone Else');
    const share: Share = {
      incidentId: id,
      server: 'ws://127.0.0.1:1',
      token: 'token',
      name: 'Grace Hopper',
      role: 'reviewer',
      sharedAt: T,
    };
    await setPref(SHARES_PREF, [share]);
    const view = render(<ReviewPanel incidentId={id} />);
    const grace = () => reviewerItem(view.container, 'Grace Hopper');
    await until(() => expect(grace().textContent).toContain('(you)'));
    expect(view.container.textContent).toContain(
      'You review this incident; its authors change the status and publish.',
    );
    const status = view.container.querySelector<HTMLElement>('.review-status')!;
    expect([...status.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);

    click(button(grace(), 'Approve…'));
    click(button(grace(), 'Approve as Grace Hopper'));
    await until(async () => expect((await listSignOffs(id)).map((r) => r.by)).toEqual(['Grace Hopper']));
  });
});
