import { packLogBlock, type IncidentSnapshot } from '../../../shared/domain';

/** Strings that break naive HTML, JSON or CSV handling; every one must survive a round trip. */
export const HOSTILE = [
  '</script><img src=x onerror=alert(1)>',
  '"quoted", \\backslash\\ and\ttab\nnewline',
  'Ünïcödé — 東京 — مرحبا — 🔥👩🏽‍💻 — e\u0301',
  'line\u2028separator\u2029paragraph \u0000 nul',
  '{"looks":"like json"} ${template} {{moustache}}',
] as const;

const LEXICAL_STATE = JSON.stringify({
  root: {
    children: [
      {
        children: [
          { detail: 0, format: 1, mode: 'normal', style: '', text: HOSTILE[0], type: 'text', version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        type: 'paragraph',
        version: 1,
      },
      {
        children: [
          { detail: 0, format: 0, mode: 'normal', style: '', text: HOSTILE[2], type: 'text', version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        tag: 'h2',
        type: 'heading',
        version: 1,
      },
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
});

const T0 = Date.UTC(2025, 10, 18, 23, 40, 0);
const min = (n: number): number => T0 + n * 60_000;

/**
 * An incident that uses every field of every collection: folded events with sources, an import
 * with errors and findings, log blocks, a cause tree with evidence, threaded comments, actions,
 * sections with Lexical state, and hostile strings. Ids are prefixed with `p` so several copies
 * can coexist in one database.
 */
export function richSnapshot(p = 'A'): IncidentSnapshot {
  const inc = `${p}-INC`;
  return {
    incident: {
      id: inc,
      title: `Checkout outage ${HOSTILE[0]}`,
      severity: 'SEV1',
      status: 'in-review',
      summary: HOSTILE.join('\n'),
      services: ['checkout', 'payments-api'],
      regions: ['us-east-1', 'eu-west-1'],
      authors: ['Ada Lovelace'],
      reviewers: ['Grace Hopper', 'Edsger Dijkstra'],
      displayZone: 'America/Los_Angeles',
      secondaryZone: 'UTC',
      keyTimes: {
        impactStartAt: min(5),
        detectedAt: min(9),
        mitigatedAt: min(30),
        recoveredAt: min(42),
        resolvedAt: null,
      },
      keyTimeOrigins: { recoveredAt: 'import', impactStartAt: 'manual', detectedAt: 'timeline' },
      templateId: 'google-sre',
      tags: ['database', HOSTILE[2]],
      serviceAliases: { 'blob-frontend': 'blob-fe', [HOSTILE[2]]: 'blob-fe' },
      incidentType: 'game-day',
      incidentTypeOrigin: 'manual',
      changeWindowMinutes: 45,
      createdAt: min(-100),
      updatedAt: min(200),
    },
    events: [
      ev(p, 'E3', min(9), 'detection', 'Pager fired', { key: true }),
      ev(p, 'E1', min(0), 'change', 'Deploy config v42', {
        importId: `${p}-IMP1`,
        sources: [{ file: 'deploy.log', line: 12 }],
      }),
      ev(p, 'E2', min(5), 'impact', 'HTTP 500s spike', {
        endAt: min(8),
        count: 1234,
        importId: `${p}-IMP1`,
        sources: [
          { file: 'app.log', line: 100 },
          { file: 'app.log', line: 101 },
          { file: 'app.log', line: 0 },
        ],
        tags: ['folded'],
        service: 'checkout',
        region: 'us-east-1',
      }),
      // Same instant as E2: the tie is broken by id.
      ev(p, 'E0', min(5), 'note', HOSTILE[3], { detail: HOSTILE[4] }),
    ],
    imports: [
      {
        id: `${p}-IMP1`,
        incidentId: inc,
        fileName: 'app.log',
        format: 'jsonl',
        options: { format: null, zone: 'UTC', year: 2025 },
        stats: {
          lines: 2000,
          records: 1990,
          skipped: 8,
          errorCount: 2,
          bytes: 123456,
          firstAt: min(0),
          lastAt: min(50),
        },
        errors: [
          { file: 'app.log', line: 17, reason: 'Line 17 is not valid JSON: unexpected end.' },
          { file: 'app.log', line: 99, reason: HOSTILE[0] },
        ],
        findings: [
          {
            code: 'unstaged-rollout',
            at: min(0),
            message: 'Config v42 reached every region within 2 minutes.',
            change: 'config-v42',
            components: ['checkout'],
            regions: ['us-east-1', 'eu-west-1'],
            eventIds: [`${p}-E1`, `${p}-E2`],
          },
        ],
        blockCount: 2,
        importedAt: min(60),
      },
    ],
    logBlocks: [1, 0].map((seq) =>
      packLogBlock({ id: `${p}-BLK${seq}`, importId: `${p}-IMP1`, incidentId: inc, seq }, [
        {
          at: min(seq * 25),
          level: 'error' as const,
          kind: 'log' as const,
          service: 'checkout',
          region: null,
          message: `${HOSTILE[1]} #${seq}`,
          attrs: { b: 1, '10': 'ten', '2': true, a: null, 'späce key': HOSTILE[0] },
          source: { file: 'app.log', line: 100 + seq },
        },
        {
          at: min(seq * 25 + 24),
          level: null,
          kind: 'impact' as const,
          service: null,
          region: 'eu-west-1',
          message: 'second record',
          attrs: {},
          source: { file: 'app.log', line: 90 },
        },
      ]),
    ),
    causes: [
      cause(p, 'C2', `${p}-C1`, 1, 'root-cause', [`${p}-E1`]),
      cause(p, 'C0', null, 0, 'incident', []),
      cause(p, 'C1', `${p}-C0`, 0, 'cause', [`${p}-E2`, `${p}-E3`]),
      cause(p, 'C3', `${p}-C1`, 0.5, 'contributing-factor', []),
    ],
    comments: [
      comment(p, 'M1', 'cause', `${p}-C2`, null, 'Is this really the root cause?'),
      comment(p, 'M2', 'cause', `${p}-C2`, `${p}-M1`, HOSTILE[0]),
      comment(p, 'M3', 'incident', inc, null, 'Looks good.'),
      comment(p, 'M4', 'event', `${p}-E2`, null, HOSTILE[2]),
      comment(p, 'M5', 'action', `${p}-AC1`, null, 'Who owns this?'),
      comment(p, 'M6', 'section', `${p}-S1`, null, 'Too long.'),
    ],
    actions: [
      {
        id: `${p}-AC1`,
        incidentId: inc,
        title: 'Stage config rollouts',
        description: HOSTILE[4],
        owner: 'Ada Lovelace',
        priority: 'P0',
        type: 'prevent',
        dueDate: '2025-12-01',
        status: 'in-progress',
        statusReason: '',
        causeIds: [`${p}-C2`, `${p}-C3`],
        ticketUrl: 'https://tracker.example/T-1?a=1&b=<2>',
        createdAt: min(300),
        updatedAt: min(301),
        completedAt: null,
      },
      {
        id: `${p}-AC0`,
        incidentId: inc,
        title: 'Alert on 5xx ratio',
        description: '',
        owner: 'Grace Hopper',
        priority: 'P2',
        type: 'detect',
        dueDate: null,
        status: 'wont-do',
        statusReason: 'Covered by SLO alerts.',
        causeIds: [],
        ticketUrl: '',
        createdAt: min(302),
        updatedAt: min(303),
        completedAt: min(303),
      },
    ],
    sections: [
      section(p, 'S1', 'summary', 'Summary', 0, LEXICAL_STATE, false),
      section(p, 'S2', 'internal-notes', 'Internal notes', 2, null, true),
      section(p, 'S0', 'impact', `Impact ${HOSTILE[2]}`, 1, LEXICAL_STATE, false),
    ],
    signoffs: [
      {
        id: `${p}-O1`,
        incidentId: inc,
        decision: 'changes-requested',
        by: 'Grace Hopper',
        comment: HOSTILE[1],
        at: min(60),
        pending: [],
      },
      {
        id: `${p}-O2`,
        incidentId: inc,
        decision: 'approved',
        by: 'Grace Hopper',
        comment: '',
        at: min(90),
        pending: [],
      },
      {
        id: `${p}-O3`,
        incidentId: inc,
        decision: 'override',
        by: 'Ada Lovelace',
        comment: HOSTILE[0],
        at: min(95),
        pending: ['Edsger Dijkstra'],
      },
    ],
  };

  function ev(
    prefix: string,
    id: string,
    at: number,
    kind: IncidentSnapshot['events'][number]['kind'],
    title: string,
    extra: Partial<IncidentSnapshot['events'][number]> = {},
  ): IncidentSnapshot['events'][number] {
    return {
      id: `${prefix}-${id}`,
      incidentId: inc,
      at,
      endAt: null,
      kind,
      title,
      detail: '',
      service: null,
      region: null,
      count: 1,
      sources: [],
      key: false,
      tags: [],
      importId: null,
      createdAt: min(100),
      updatedAt: min(101),
      ...extra,
    };
  }
}

function cause(
  p: string,
  id: string,
  parentId: string | null,
  order: number,
  kind: string,
  evidenceEventIds: string[],
): IncidentSnapshot['causes'][number] {
  return {
    id: `${p}-${id}`,
    incidentId: `${p}-INC`,
    parentId,
    order,
    kind,
    gate: parentId === null ? 'OR' : 'AND',
    title: `${kind} ${HOSTILE[0]}`,
    detail: HOSTILE[1],
    category: parentId === null ? null : 'technology',
    evidenceEventIds,
    reviewState: order === 1 ? 'disputed' : 'open',
    createdAt: min(110),
    updatedAt: min(111),
  };
}

function comment(
  p: string,
  id: string,
  targetType: IncidentSnapshot['comments'][number]['targetType'],
  targetId: string,
  parentId: string | null,
  body: string,
): IncidentSnapshot['comments'][number] {
  const root = parentId === null;
  return {
    id: `${p}-${id}`,
    incidentId: `${p}-INC`,
    targetType,
    targetId,
    parentId,
    author: 'Grace Hopper',
    body,
    createdAt: min(120),
    editedAt: root ? null : min(121),
    resolved: root && id === 'M3',
    resolvedAt: root && id === 'M3' ? min(122) : null,
    resolvedBy: root && id === 'M3' ? 'Ada Lovelace' : null,
  };
}

function section(
  p: string,
  id: string,
  key: string,
  title: string,
  order: number,
  lexicalState: string | null,
  internalOnly: boolean,
): IncidentSnapshot['sections'][number] {
  return {
    id: `${p}-${id}`,
    incidentId: `${p}-INC`,
    key,
    title,
    order,
    internalOnly,
    lexicalState,
    updatedAt: min(130),
  };
}
