import { describe, expect, it } from 'vitest';
import { SegmentPool } from '../../../shared/import/segmentPool';
import type { PoolWorker, SegmentReply } from '../../../shared/import/segmentPool';

interface Request {
  segment: number;
}

/** A pool whose members record what they were given and end a request when told to. */
function recordingPool(size: number, inThreadFirst: boolean) {
  const started: number[] = [];
  const terminated: number[] = [];
  const given: { member: number; segment: number; id: number }[] = [];
  const members: { reply: (r: SegmentReply) => void }[] = [];
  const pool = new SegmentPool<Request>(size, (reply, _crash, index) => {
    started.push(index);
    const member: PoolWorker<Request> = {
      inThread: inThreadFirst && index === 0,
      post: (request) => given.push({ member: index, segment: request.segment, id: request.id }),
      terminate: () => {
        terminated.push(index);
        return undefined;
      },
    };
    members[index] = { reply: (r) => reply(member, r) };
    return member;
  });
  const end = (member: number): void => {
    const job = given.filter((g) => g.member === member).at(-1)!;
    members[member]!.reply({ type: 'end', id: job.id, totals: { lines: 0, chars: 0 } });
  };
  return { pool, started, terminated, given, end };
}

describe('SegmentPool', () => {
  it('warm() starts every member once, before any request', async () => {
    const { pool, started, given, end } = recordingPool(3, false);
    pool.warm();
    pool.warm();
    expect(started).toEqual([0, 1, 2]);
    const runs = [0, 1, 2, 3].map((segment) => pool.run({ segment }, () => undefined));
    expect(started).toEqual([0, 1, 2]);
    expect(given.map((g) => g.segment).sort()).toEqual([0, 1, 2]);
    for (const m of [0, 1, 2]) end(m);
    end(given.at(-1)!.member);
    await Promise.all(runs);
  });

  it('a member in the pool’s own thread takes the earliest waiting segment, workers the latest', async () => {
    const { pool, given, end } = recordingPool(2, true);
    pool.warm();
    // Both members busy: segments 2, 3 and 4 wait.
    const runs = [0, 1, 2, 3, 4].map((segment) => pool.run({ segment }, () => undefined));
    expect(given.map((g) => [g.member, g.segment])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    end(1);
    expect(given.at(-1)).toMatchObject({ member: 1, segment: 4 });
    end(0);
    expect(given.at(-1)).toMatchObject({ member: 0, segment: 2 });
    end(0);
    expect(given.at(-1)).toMatchObject({ member: 0, segment: 3 });
    end(0);
    end(1);
    await Promise.all(runs);
  });

  it('without a member in its own thread, every member takes segments in order', async () => {
    const { pool, given, end } = recordingPool(2, false);
    const runs = [0, 1, 2, 3].map((segment) => pool.run({ segment }, () => undefined));
    end(given[0]!.member);
    end(given[1]!.member);
    expect(given.map((g) => g.segment)).toEqual([0, 1, 2, 3]);
    end(given[2]!.member);
    end(given[3]!.member);
    await Promise.all(runs);
  });

  it('close() after warm() stops every member, and queued segments fail', async () => {
    const { pool, terminated } = recordingPool(2, true);
    pool.warm();
    const runs = [0, 1, 2].map((segment) => pool.run({ segment }, () => undefined));
    await pool.close();
    expect(terminated.sort()).toEqual([0, 1]);
    for (const run of runs) await expect(run).rejects.toThrow(/stopped/);
    pool.warm();
    expect(terminated.sort()).toEqual([0, 1]);
  });
});
