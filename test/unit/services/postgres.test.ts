import { statSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locatePostgres } from '../../helpers/services/binaries';
import { describeWithService } from '../../helpers/services/gate';
import { startPostgres } from '../../helpers/services/postgres';
import type { PostgresService } from '../../helpers/services/postgres';

const need = { service: 'PostgreSQL', located: locatePostgres(), install: 'apt-get install postgresql' };

async function query(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

describeWithService('PostgreSQL test service', need, () => {
  let service: PostgresService;
  beforeAll(async () => {
    service = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('listens on a loopback port and runs as a non-root user', async () => {
    expect(service.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const result = await query(service.url, 'SHOW data_directory');
    const dataDir = (result.rows[0] as { data_directory: string }).data_directory;
    // PostgreSQL refuses root; under root (CI) the data directory belongs to the service user.
    if (process.getuid?.() === 0) expect(statSync(dataDir).uid).not.toBe(0);
  });

  it('keeps committed rows through a crash (SIGKILL) and restart', async () => {
    const url = await service.createDatabase('crash_check');
    await query(url, 'CREATE TABLE t (n integer)');
    await query(url, 'INSERT INTO t SELECT generate_series(1, 100)');
    const port = service.port;
    await service.kill();
    expect(service.running).toBe(false);
    await expect(query(url, 'SELECT 1')).rejects.toThrow();
    await service.start();
    expect(service.port).toBe(port);
    const result = await query(url, 'SELECT count(*)::int AS n FROM t');
    expect(result.rows[0]).toEqual({ n: 100 });
  }, 60_000);

  it('refuses a database name that is not plain', async () => {
    await expect(service.createDatabase('x; DROP TABLE t')).rejects.toThrow(/Not a plain database name/);
  });
});
