import { afterAll, beforeAll, expect, it } from 'vitest';
import { locateRedis } from '../../helpers/services/binaries';
import { describeWithService } from '../../helpers/services/gate';
import { redisCommand, startRedis } from '../../helpers/services/redis';
import type { RedisService } from '../../helpers/services/redis';

const need = { service: 'redis-server', located: locateRedis(), install: 'apt-get install redis-server' };

describeWithService('Redis test service', need, () => {
  let service: RedisService;
  beforeAll(async () => {
    service = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await service.stop();
  });

  it('answers on a loopback port', async () => {
    expect(service.url).toBe(`redis://127.0.0.1:${service.port}`);
    expect(await redisCommand(service.port, 'PING')).toBe('+PONG');
    expect(await redisCommand(service.port, 'SET rootline 1')).toBe('+OK');
    expect(await redisCommand(service.port, 'GET rootline')).toBe('$1');
  });

  it('comes back on the same port after a crash', async () => {
    await service.kill();
    expect(await redisCommand(service.port, 'PING')).toBeNull();
    await service.start();
    expect(await redisCommand(service.port, 'PING')).toBe('+PONG');
  });

  it('is gone after stop()', async () => {
    const other = await startRedis();
    await other.stop();
    expect(await redisCommand(other.port, 'PING')).toBeNull();
  });
});
