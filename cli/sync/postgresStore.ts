import pg from 'pg';
import { mergeState, type SyncStore } from './store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rootline_sync_documents (
    name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS rootline_sync_updates (
    id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL);
  CREATE INDEX IF NOT EXISTS rootline_sync_updates_by_name ON rootline_sync_updates (name, id);
`;

/**
 * Creates the tables unless they exist. Under a lock: two instances starting at once would
 * both try to create them, and `IF NOT EXISTS` does not make that safe in PostgreSQL.
 */
async function createSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('rootline-sync:schema'))");
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** `host:port/database` of a connection URL, without the password, for messages. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port === '' ? '' : `:${parsed.port}`}${parsed.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}

/**
 * Documents in PostgreSQL. Several `rootline serve` instances (with --redis) may share one
 * database: appends never conflict, and a compaction holds a per-document advisory lock and
 * deletes exactly the update rows it folded in, so an update another instance appended
 * meanwhile is kept for the next one.
 */
export async function openPostgresStore(url: string): Promise<SyncStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection emits 'error' on the pool; without a listener that
  // would end the process. The next query gets a fresh connection.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    await createSchema(pool);
  } catch (e) {
    await pool.end();
    throw new Error(
      `cannot use PostgreSQL at ${describePostgresUrl(url)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  return {
    description: `PostgreSQL ${describePostgresUrl(url)}`,
    async load(name) {
      // One statement, one snapshot: a compaction by another instance cannot fall between
      // reading the state and reading the updates it folded in.
      const parts = await pool.query<{ data: Buffer }>(
        `SELECT state AS data, 0::bigint AS id FROM rootline_sync_documents WHERE name = $1
         UNION ALL
         SELECT data, id FROM rootline_sync_updates WHERE name = $1
         ORDER BY id`,
        [name],
      );
      return parts.rows.map((r) => r.data);
    },
    async append(name, update) {
      await pool.query('INSERT INTO rootline_sync_updates (name, data) VALUES ($1, $2)', [
        name,
        Buffer.from(update),
      ]);
    },
    async compact(name, state) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rootline-sync:${name}`]);
        const stored = await client.query<{ state: Buffer }>(
          'SELECT state FROM rootline_sync_documents WHERE name = $1',
          [name],
        );
        const updates = await client.query<{ id: string; data: Buffer }>(
          'SELECT id, data FROM rootline_sync_updates WHERE name = $1 ORDER BY id',
          [name],
        );
        const merged = mergeState([
          ...stored.rows.map((r) => r.state),
          ...updates.rows.map((r) => r.data),
          state,
        ]);
        await client.query(
          `INSERT INTO rootline_sync_documents (name, state, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()`,
          [name, Buffer.from(merged)],
        );
        if (updates.rows.length > 0) {
          await client.query('DELETE FROM rootline_sync_updates WHERE id = ANY($1::bigint[])', [
            updates.rows.map((r) => r.id),
          ]);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
