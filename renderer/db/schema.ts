import Dexie, { type EntityTable } from 'dexie';
import type {
  ActionItem,
  CauseNode,
  Comment,
  DocumentSection,
  ImportedLog,
  Incident,
  LogBlock,
  LogPattern,
  SignOff,
  TimelineEvent,
} from '../../shared/domain';
import { INCIDENT_COLLECTIONS } from '../../shared/domain';
import type { ImportDensity } from '../../shared/chart';
import { installChangeTracking } from './changeLog';
import { installEventPackInvalidation, type EventPackRow } from './eventPacks';
import type { LibrarySummaryRow } from './repos/librarySummaries';
import { applyMigrations } from './migrations';
import { installSyncMirror } from '../sync/dexieMirror';

/** A preference row: small JSON values keyed by name. */
export interface PrefRow {
  key: string;
  value: unknown;
}

/** A format file the user added (lnav format-file JSON), kept as text and compiled on use. */
export interface FormatFileRow {
  id: string;
  /** The file name it was added from. */
  name: string;
  text: string;
  /** Names of the formats it defined when added (for the list; the text is the truth). */
  formats: string[];
  addedAt: number;
}

/** A stored density row (see shared/chart/blockDensity.ts). */
export type ImportDensityRow = ImportDensity;

export const DB_NAME = 'rootline';

/**
 * The Rootline database. Tables mirror the bundle's collections; every row of an incident
 * carries `incidentId` so an incident can be read, exported or deleted as a unit.
 */
export class RootlineDb extends Dexie {
  incidents!: EntityTable<Incident, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
  imports!: EntityTable<ImportedLog, 'id'>;
  logBlocks!: EntityTable<LogBlock, 'id'>;
  causes!: EntityTable<CauseNode, 'id'>;
  comments!: EntityTable<Comment, 'id'>;
  actions!: EntityTable<ActionItem, 'id'>;
  sections!: EntityTable<DocumentSection, 'id'>;
  /** The sign-off log (schema v10). */
  signoffs!: EntityTable<SignOff, 'id'>;
  patterns!: EntityTable<LogPattern, 'id'>;
  prefs!: EntityTable<PrefRow, 'key'>;
  formatFiles!: EntityTable<FormatFileRow, 'id'>;
  densities!: EntityTable<ImportDensityRow, 'importId'>;
  /** Derived: an incident's events packed for fast reading (db/eventPacks.ts). */
  eventPacks!: Dexie.Table<EventPackRow, [string, number]>;
  /** Derived: each incident's library summary (db/repos/librarySummaries.ts). */
  librarySummaries!: Dexie.Table<LibrarySummaryRow, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Authored content must survive a crash right after "Saved" is shown.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    applyMigrations(this);
    installChangeTracking(this);
    installEventPackInvalidation(this);
    installSyncMirror(this);
  }
}

/**
 * Tables of rows that carry an `incidentId`: the incident's collections plus what is derived
 * from its imports (mined log patterns, raw-record densities), so not carried in bundles.
 */
export const INCIDENT_ROW_TABLES = [...INCIDENT_COLLECTIONS, 'patterns', 'densities'] as const;

/** Names of the tables that belong to one incident (everything but prefs and format files). */
export const INCIDENT_TABLES = ['incidents', ...INCIDENT_ROW_TABLES] as const;

/**
 * The Dexie tables of one incident, for transactions that span all of them: its rows and the
 * packed copy of its events (derived, so in no list of what an incident holds).
 */
export function incidentTablesOf(db: RootlineDb) {
  return [...INCIDENT_TABLES.map((name) => db[name]), db.eventPacks];
}
