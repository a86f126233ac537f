// @vitest-environment happy-dom
// "One audience setting per export" (issue 12): the Document tab and the Export… dialog read the
// same setting, and before anyone picks one both start from the template's audience.
import { beforeEach, describe, expect, it } from 'vitest';
import { addIncident } from '../../../../renderer/db/repos/incidents';
import { ExportDialog } from '../../../../renderer/features/export/components/ExportDialog';
import { useExportSettings } from '../../../../renderer/features/export';
import { testing } from '../../../../renderer/platform/index.testing';
import { freshDb } from '../../db/testDb';
import { render, renderHook, until } from './render';

beforeEach(() => {
  testing.reset();
  freshDb('export-audience');
});

describe('the export audience of an incident with a customer-facing template', () => {
  it('is customer-facing, UTC only, in the Export dialog as in the Document tab, before anyone picks one', async () => {
    const incident = await addIncident({ title: 'Outage', templateId: 'azure-rca-2014' });
    const view = render(
      <ExportDialog incidentId={incident.id} onExportBundle={() => {}} onClose={() => {}} />,
    );
    await until(() => {
      const audience =
        view.container.ownerDocument.querySelector<HTMLSelectElement>('.export-options select');
      expect(audience?.value).toBe('customer');
    });
    const utc = [...document.querySelectorAll<HTMLInputElement>('.export-options input[type="checkbox"]')];
    expect(utc.map((c) => c.checked)).toEqual([true]);

    const doc = renderHook(() => useExportSettings(incident));
    await until(() => expect(doc.current()).toMatchObject({ audience: 'customer', utcOnly: true }));
  });
});
