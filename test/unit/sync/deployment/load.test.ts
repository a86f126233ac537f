// The load behind `npm run bench:sync`, small: its figures add up (each row reaches every other
// client of its incident once, nothing lost, a peak RSS read from the server process).
import { describe, expect, it } from 'vitest';
import { runSyncLoad } from '../../../helpers/sync/load';

describe('bench:sync load', () => {
  it('measures one latency per row and receiving client, and loses nothing', async () => {
    const f = await runSyncLoad({ clients: 6, incidents: 2, seconds: 2, rate: 5 });
    // 6 clients × 5 rows/s × 2 s, give or take timer drift on a busy machine.
    expect(f.written).toBeGreaterThanOrEqual(30);
    // 3 clients per incident: every row is delivered to the 2 others.
    expect(f.latencySamples).toBe(f.written * 2);
    expect(f.lostOnClients).toBe(0);
    expect(f.lostOnServer).toBe(0);
    expect(f.p50Ms).toBeGreaterThan(0);
    expect(f.p95Ms).toBeGreaterThanOrEqual(f.p50Ms);
    expect(f.maxMs).toBeGreaterThanOrEqual(f.p95Ms);
    expect(f.updatesPerSecond).toBeGreaterThan(10);
    expect(f.serverPeakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(f.serverCpuShare).toBeGreaterThan(0);
    expect(f.clientsCpuShare).toBeGreaterThan(0);
    expect(f.serverExitCode).toBe(0);
  }, 90_000);
});
