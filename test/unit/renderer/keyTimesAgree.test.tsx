import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createIncident, type IncidentSnapshot } from '../../../shared/domain';
import { createExportContext } from '../../../shared/export';
import { impactData } from '../../../shared/export/blockData';
import { IncidentRow } from '../../../renderer/features/incidents/components/IncidentRow';

const t = (s: string) => Date.parse(s);

describe('key times agree everywhere', () => {
  it('the list and the document end the impact window at the same time', () => {
    const incident = createIncident({
      id: 'I1',
      now: 0,
      title: 'Storage outage',
      keyTimes: {
        impactStartAt: t('2014-11-19T00:51:00Z'),
        detectedAt: t('2014-11-19T01:00:00Z'),
        mitigatedAt: t('2014-11-19T02:00:00Z'),
        recoveredAt: t('2014-11-19T02:55:00Z'),
        resolvedAt: t('2014-11-19T03:45:00Z'),
      },
    });
    const snapshot: IncidentSnapshot = {
      incident,
      events: [],
      imports: [],
      logBlocks: [],
      causes: [],
      comments: [],
      actions: [],
      sections: [],
      signoffs: [],
    };
    const doc = impactData(createExportContext(snapshot, { audience: 'internal' })).find(
      (r) => r.label === 'Impact window',
    )?.value;
    const noop = () => undefined;
    const html = renderToStaticMarkup(
      <table>
        <tbody>
          <IncidentRow
            incident={incident}
            now={0}
            onOpen={noop}
            onRename={noop}
            onDuplicate={noop}
            onExport={noop}
            onDelete={noop}
          />
        </tbody>
      </table>,
    );
    expect(doc).toBe('2014-11-19 00:51 → 02:55 UTC');
    expect(html).toContain(`>${doc}<`);
  });
});
