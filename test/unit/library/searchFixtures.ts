import {
  createIncident,
  eventDefaults,
  type ActionItem,
  type CauseNode,
  type Comment,
  type DocumentSection,
  type Incident,
  type TimelineEvent,
} from '../../../shared/domain';
import type { IncidentText } from '../../../shared/library/search';

const NOW = Date.UTC(2026, 2, 1);

/** A small hand-made incident with one row of each kind holding text. */
export function smallIncident(
  id: string,
  over: Partial<Incident> = {},
  words: { event?: string; cause?: string; action?: string; section?: string; comment?: string } = {},
): IncidentText {
  const incident = createIncident({ id, now: NOW, title: `Incident ${id}`, ...over });
  const event: TimelineEvent = {
    ...eventDefaults(),
    id: `${id}-e1`,
    incidentId: id,
    at: NOW,
    kind: 'change',
    title: words.event ?? 'config push',
    detail: 'rolled to every region',
    createdAt: NOW,
    updatedAt: NOW,
  };
  const cause: CauseNode = {
    id: `${id}-c1`,
    incidentId: id,
    parentId: null,
    order: 1,
    kind: 'cause',
    gate: 'OR',
    title: words.cause ?? 'missing canary',
    detail: '',
    category: 'process',
    evidenceEventIds: [],
    reviewState: 'open',
    createdAt: NOW,
    updatedAt: NOW,
  };
  const action: ActionItem = {
    id: `${id}-a1`,
    incidentId: id,
    title: words.action ?? 'add a canary stage',
    description: '',
    owner: 'sam',
    priority: 'P1',
    type: 'prevent',
    dueDate: null,
    status: 'open',
    statusReason: '',
    causeIds: [],
    ticketUrl: '',
    createdAt: NOW,
    updatedAt: NOW,
    completedAt: null,
  };
  const section: DocumentSection = {
    id: `${id}-s1`,
    incidentId: id,
    key: 'summary',
    title: 'Summary',
    order: 1,
    internalOnly: false,
    lexicalState: JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'First paragraph.' }] },
          { type: 'paragraph', children: [{ type: 'text', text: words.section ?? 'The queue backed up.' }] },
        ],
      },
    }),
    updatedAt: NOW,
  };
  const comment: Comment = {
    id: `${id}-m1`,
    incidentId: id,
    targetType: 'cause',
    targetId: cause.id,
    parentId: null,
    author: 'ana',
    body: words.comment ?? 'Was the canary skipped on purpose?',
    createdAt: NOW,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
  };
  return {
    incident,
    events: [event],
    causes: [cause],
    actions: [action],
    sections: [section],
    comments: [comment],
  };
}
