import { expect } from '@playwright/test';
import type { IncidentPage } from '../pages/IncidentPage';
import type { ListPage } from '../pages/ListPage';

/**
 * A bundle for the Azure Storage outage of 18–19 November 2014 (public RCA): the incident and
 * a few timeline events to cite as evidence. Built by hand so the e2e tests seed the store the
 * way a user would, by opening a bundle.
 */
const T = (iso: string): number => Date.parse(iso);
const INC = 'AZ14-INC';

function event(id: string, at: string, kind: string, title: string, service: string | null) {
  return {
    id,
    incidentId: INC,
    at: T(at),
    endAt: null,
    kind,
    title,
    detail: '',
    service,
    region: null,
    count: 1,
    sources: [],
    key: true,
    tags: [],
    importId: null,
    createdAt: T('2014-11-20T00:00:00Z'),
    updatedAt: T('2014-11-20T00:00:00Z'),
  };
}

export const AZURE_EVENTS = {
  change: event(
    'AZ14-E1',
    '2014-11-19T00:50:00Z',
    'change',
    'Storage config change deployed to all regions',
    'azure-storage',
  ),
  loop: event(
    'AZ14-E2',
    '2014-11-19T00:51:00Z',
    'impact',
    'Blob front-ends stuck in an infinite loop',
    'blob-frontend',
  ),
  detect: event('AZ14-E3', '2014-11-19T00:55:00Z', 'detection', 'Alerts fire for blob availability', null),
  rollback: event(
    'AZ14-E4',
    '2014-11-19T01:30:00Z',
    'mitigation',
    'Config change rolled back',
    'azure-storage',
  ),
};

export const AZURE_TITLE = 'Azure Storage outage';

export function azureBundleText(): string {
  const bundle = {
    format: 'rootline-bundle',
    version: 1,
    exportedAt: '2014-11-20T00:00:00.000Z',
    app: { name: 'Rootline', version: '0.1.0' },
    incident: {
      id: INC,
      title: AZURE_TITLE,
      severity: 'SEV1',
      status: 'draft',
      summary: 'Azure Storage was unavailable in many regions.',
      services: ['azure-storage'],
      regions: [],
      authors: [],
      reviewers: [],
      displayZone: 'UTC',
      secondaryZone: null,
      keyTimes: {
        impactStartAt: T('2014-11-19T00:51:00Z'),
        detectedAt: null,
        mitigatedAt: null,
        recoveredAt: null,
        resolvedAt: null,
      },
      keyTimeOrigins: {},
      templateId: null,
      tags: [],
      createdAt: T('2014-11-20T00:00:00Z'),
      updatedAt: T('2014-11-20T00:00:00Z'),
    },
    events: Object.values(AZURE_EVENTS),
    imports: [
      {
        id: 'AZ14-IMP',
        incidentId: INC,
        fileName: 'deployments.jsonl',
        format: 'jsonl',
        options: { format: null, zone: 'UTC', year: null },
        stats: {
          lines: 4,
          records: 4,
          skipped: 0,
          errorCount: 0,
          bytes: 400,
          firstAt: T('2014-11-19T00:50:00Z'),
          lastAt: T('2014-11-19T01:30:00Z'),
        },
        errors: [],
        findings: [
          {
            code: 'unstaged-rollout',
            at: T('2014-11-19T00:50:00Z'),
            message: 'Change storage-cfg-1119 reached 100% of blob-frontend targets in one wave.',
            change: 'storage-cfg-1119',
            components: ['blob-frontend'],
            regions: ['us-east', 'eu-west', 'asia-east'],
            eventIds: ['AZ14-E1'],
          },
        ],
        blockCount: 0,
        importedAt: T('2014-11-20T00:00:00Z'),
      },
    ],
    logBlocks: [],
    causes: [],
    comments: [],
    actions: [],
    sections: [],
  };
  return JSON.stringify(bundle, null, 2);
}

/** Cause titles of the Azure 2014 tree the cause and review e2e tests build. */
export const AZURE_CAUSES = {
  loop: 'Blob front-ends entered an infinite loop',
  config: 'Config change enabled everywhere at once',
  flight: 'Flighting policy not enforced by the tooling',
  untested: 'Blob front-ends never tested with the change',
  tables: 'Table front-ends kept working',
} as const;

/** Opens the Azure 2014 bundle from the list, as a user would, and waits for the incident. */
export async function openAzureIncident(list: ListPage, incident: IncidentPage): Promise<void> {
  await list.goto();
  await list.openBundle({
    name: 'azure.rootline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(azureBundleText()),
  });
  await expect(incident.heading).toHaveText(AZURE_TITLE);
}
