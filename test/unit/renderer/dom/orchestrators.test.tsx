// @vitest-environment happy-dom
// The controls issue 16 added to the app: the incident type on the Overview (stored, and the
// document follows it), the injected-faults filter, and the import dialog's change window.
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, type TimelineFilter } from '../../../../shared/timeline-edit';
import { applyTemplate, findTemplate } from '../../../../shared/templates';
import { addIncident, getIncident } from '../../../../renderer/db/repos/incidents';
import { listSections, replaceDocument } from '../../../../renderer/db/repos/sections';
import { useIncident } from '../../../../renderer/features/incidents/hooks/useIncidents';
import { ImportOptionsFields } from '../../../../renderer/features/import/components/ImportOptionsFields';
import { IncidentTypeField } from '../../../../renderer/features/overview/components/IncidentTypeField';
import { BUILTIN_TEMPLATES } from '../../../../renderer/features/templates';
import { FilterBar } from '../../../../renderer/features/timeline/components/FilterBar';
import { UndoContext, UndoManager } from '../../../../renderer/features/undo';
import { freshDb } from '../../db/testDb';
import { act, render, until } from './render';

/** Sets a form control's value the way a user does, so React's onChange sees it. */
function typeInto(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  act(() => {
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

function blur(el: HTMLElement): void {
  act(() => {
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

describe('incident type on the Overview', () => {
  beforeEach(() => freshDb('incident-type'));

  function Field({ id }: { id: string }) {
    const incident = useIncident(id);
    return incident ? <IncidentTypeField incident={incident} id="type" /> : null;
  }

  it('stores the user choice and gives the document the game-day section, then takes it away', async () => {
    const incident = await addIncident({ title: 'Zone loss drill', templateId: 'google-sre' });
    const template = findTemplate(BUILTIN_TEMPLATES, 'google-sre')!;
    let n = 0;
    const { sections } = applyTemplate(template, [], {
      incidentId: incident.id,
      now: 1,
      newId: () => `s${n++}`,
    });
    await replaceDocument(incident.id, sections, template.id, 1);
    const undo = new UndoManager();
    const { container } = render(
      <UndoContext.Provider value={undo}>
        <Field id={incident.id} />
      </UndoContext.Provider>,
    );
    let select: HTMLSelectElement | null = null;
    await until(() => {
      select = container.querySelector('select#type');
      expect(select?.value).toBe('incident');
    });
    const titles = async () => (await listSections(incident.id)).map((s) => s.title);
    expect(await titles()).not.toContain('Hypothesis / Expected / Observed');

    typeInto(select!, 'game-day');
    await until(async () => {
      expect(await getIncident(incident.id)).toMatchObject({
        incidentType: 'game-day',
        incidentTypeOrigin: 'manual',
      });
      expect(await titles()).toContain('Hypothesis / Expected / Observed');
    });
    await until(() => expect(container.textContent).toContain('Hypothesis / Expected / Observed section'));

    typeInto(select!, 'incident');
    await until(async () => {
      expect((await getIncident(incident.id))?.incidentType).toBe('incident');
      expect(await titles()).not.toContain('Hypothesis / Expected / Observed');
    });
  });
});

describe('injected-faults filter', () => {
  const bar = (filter: TimelineFilter, hasInjected: boolean, onChange: (f: TimelineFilter) => void) => (
    <FilterBar
      filter={filter}
      services={[]}
      regions={[]}
      hasInjected={hasInjected}
      shown={1}
      total={3}
      formatTime={String}
      onChange={onChange}
    />
  );

  it('is offered when the timeline has injected faults, and says what it does as a chip', () => {
    const seen: TimelineFilter[] = [];
    const r = render(bar(EMPTY_FILTER, true, (f) => seen.push(f)));
    const select = r.container.querySelector<HTMLSelectElement>('select[aria-label="Injected faults"]')!;
    expect([...select.options].map((o) => o.text)).toEqual([
      'Injected faults: shown',
      'Injected faults only',
      'Hide injected faults',
    ]);
    typeInto(select, 'hide');
    expect(seen.at(-1)).toEqual({ ...EMPTY_FILTER, injected: 'hide' });
    r.rerender(bar({ ...EMPTY_FILTER, injected: 'only' }, true, (f) => seen.push(f)));
    expect(r.container.textContent).toContain('Injected faults only');
    expect(r.container.querySelector('[aria-label="Remove filter Injected faults only"]')).not.toBeNull();
  });

  it('is not offered on a timeline without injected faults (unless it is still set)', () => {
    const r = render(bar(EMPTY_FILTER, false, () => undefined));
    expect(r.container.querySelector('select[aria-label="Injected faults"]')).toBeNull();
    r.rerender(bar({ ...EMPTY_FILTER, injected: 'only' }, false, () => undefined));
    expect(r.container.querySelector('select[aria-label="Injected faults"]')).not.toBeNull();
  });
});

describe('change-before-impact window in the import dialog', () => {
  it('shows the window, refuses what is not whole minutes from 1 to a day, and passes a valid one on', () => {
    const chosen: number[] = [];
    const r = render(
      <ImportOptionsFields
        zone="UTC"
        year={null}
        onApply={() => undefined}
        changeWindow={60}
        onChangeWindow={(m) => chosen.push(m)}
      />,
    );
    const input = r.container.querySelector<HTMLInputElement>('#import-change-window')!;
    expect(r.container.querySelector('label[for="import-change-window"]')?.textContent).toBe(
      'Change-before-impact window (minutes)',
    );
    expect(input.value).toBe('60');
    for (const bad of ['0', '1441', '2.5', 'soon']) {
      typeInto(input, bad);
      blur(input);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
    expect(r.container.textContent).toContain('Enter whole minutes from 1 to 1440');
    expect(chosen).toEqual([]);
    typeInto(input, ' 25 ');
    blur(input);
    expect(chosen).toEqual([25]);
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.value).toBe('25');
  });
});
