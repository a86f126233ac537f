import type { LogRecord, TimelineEvent } from '../../../shared/domain';

/** A hand-written event with sensible defaults. */
export function ev(over: Partial<TimelineEvent> & { id: string; at: number }): TimelineEvent {
  return {
    incidentId: 'inc',
    endAt: null,
    kind: 'note',
    title: over.id,
    detail: '',
    service: null,
    region: null,
    count: 1,
    sources: [],
    key: false,
    tags: [],
    importId: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

export function rec(at: number, message: string, line: number, over: Partial<LogRecord> = {}): LogRecord {
  return {
    at,
    level: 'error',
    kind: 'impact',
    service: 'api',
    region: 'us-west',
    message,
    attrs: {},
    source: { file: 'app.log', line },
    ...over,
  };
}
