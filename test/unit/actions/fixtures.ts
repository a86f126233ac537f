import type { ActionItem } from '../../../shared/domain';

/** A complete action item for tests; override what the test is about. */
export function item(over: Partial<ActionItem> & { id: string }): ActionItem {
  return {
    incidentId: 'inc-1',
    title: `Item ${over.id}`,
    description: '',
    owner: '',
    priority: 'P2',
    type: 'prevent',
    dueDate: null,
    status: 'open',
    statusReason: '',
    causeIds: [],
    ticketUrl: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    completedAt: null,
    ...over,
  };
}
