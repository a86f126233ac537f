import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupIdPart,
  backupsToDelete,
  KEEP_AT_LEAST,
  parseBackupFileName,
} from '../../../shared/backup';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2024, 5, 20, 18, 0, 0);

describe('backup file names', () => {
  it('round-trip and sanitise ids', () => {
    const name = backupFileName('inc-42', Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(name).toMatch(/^rootline-backup-inc-42\.[0-9a-f]{16}-20240102T030405Z\.rootline\.json$/);
    expect(parseBackupFileName(name)).toEqual({
      name,
      incidentId: backupIdPart('inc-42'),
      at: Date.UTC(2024, 0, 2, 3, 4, 5),
    });
    expect(backupFileName('../../etc/passwd', 0)).toMatch(
      /^rootline-backup-______etc_passwd\.[0-9a-f]{16}-19700101T000000Z\.rootline\.json$/,
    );
    // Names written before the hash was added still parse (retention keeps handling them).
    expect(parseBackupFileName('rootline-backup-inc-42-20240102T030405Z.rootline.json')?.incidentId).toBe(
      'inc-42',
    );
    expect(parseBackupFileName('notes.txt')).toBeNull();
    expect(parseBackupFileName('rootline-backup-x-20241399T000000Z.rootline.json')).toBeNull();
  });

  it('are injective: ids that sanitise alike or differ past the prefix never share files (issue 11, item 9)', () => {
    const long = 'x'.repeat(64);
    const pairs = [
      ['team_db-outage', 'team.db-outage'],
      ['a/b', 'a:b'],
      [`${long}-one`, `${long}-two`],
      ['', '_'],
    ];
    for (const [a, b] of pairs) {
      expect(backupFileName(a!, 0), `${a} vs ${b}`).not.toBe(backupFileName(b!, 0));
      expect(backupIdPart(a!)).not.toBe(backupIdPart(b!));
    }
    // Retention counts each incident on its own: 12 recent backups of one never push out the other's.
    const NOW = Date.UTC(2024, 5, 1, 12);
    const names = [
      ...Array.from({ length: 12 }, (_, i) => backupFileName('team_db-outage', NOW - i * 60_000)),
      ...Array.from({ length: 3 }, (_, i) => backupFileName('team.db-outage', NOW - i * 60_000)),
    ];
    const doomed = backupsToDelete(names, NOW);
    for (let i = 0; i < 3; i++)
      expect(doomed).not.toContain(backupFileName('team.db-outage', NOW - i * 60_000));
  });
});

describe('retention', () => {
  it('keeps 3 of today, 1 per earlier day, and at least the 10 newest', () => {
    const names: string[] = [];
    // Every 15 minutes for 20 days.
    for (let at = NOW - 20 * DAY; at <= NOW; at += 15 * 60_000) names.push(backupFileName('a', at));
    const doomed = new Set(backupsToDelete(names, NOW));
    const kept = names.filter((n) => !doomed.has(n)).map((n) => parseBackupFileName(n)!.at);
    const today = kept.filter((at) => at >= Date.UTC(2024, 5, 20));
    expect(today).toEqual([NOW - 30 * 60_000, NOW - 15 * 60_000, NOW]);
    const earlierDays = new Set(
      kept.filter((at) => at < Date.UTC(2024, 5, 20)).map((at) => new Date(at).toISOString().slice(0, 10)),
    );
    expect(earlierDays.size).toBe(20);
    expect(kept.length).toBe(3 + 20);
  });

  it('tops up to 10 with the newest when days are few', () => {
    const names = Array.from({ length: 14 }, (_, i) => backupFileName('a', NOW - i * HOUR));
    const doomed = backupsToDelete(names, NOW);
    // All from today: the rule keeps 3 (18:00, 17:00, 16:00); the next 7 newest top up to 10.
    expect(doomed).toHaveLength(4);
    expect(doomed).toEqual([10, 11, 12, 13].map((i) => backupFileName('a', NOW - i * HOUR)).sort());
  });

  it('keeps 3 of today when older days already make up 10', () => {
    const names = [
      ...Array.from({ length: 12 }, (_, d) => backupFileName('a', NOW - (d + 1) * DAY)),
      ...Array.from({ length: 6 }, (_, i) => backupFileName('a', NOW - i * HOUR)),
    ];
    const doomed = backupsToDelete(names, NOW);
    expect(doomed).toEqual([3, 4, 5].map((i) => backupFileName('a', NOW - i * HOUR)).sort());
  });

  it('never deletes other files, future-dated backups, or another incident’s backups', () => {
    const names = [
      'readme.txt',
      backupFileName('a', NOW + DAY),
      ...Array.from({ length: 30 }, (_, i) => backupFileName('b', NOW - i * 60_000)),
    ];
    const doomed = backupsToDelete(names, NOW);
    expect(doomed).not.toContain('readme.txt');
    expect(doomed).not.toContain(backupFileName('a', NOW + DAY));
    expect(doomed).toHaveLength(30 - KEEP_AT_LEAST);
  });

  it('property: keeps the newest of every day, 3 of today, and never fewer than 10', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 * 24 * 4 }), { maxLength: 80 }), (slots) => {
        const ats = slots.map((s) => NOW - s * 15 * 60_000);
        const names = ats.map((at) => backupFileName('x', at));
        const doomed = new Set(backupsToDelete(names, NOW));
        const sorted = [...ats].sort((a, b) => b - a);
        for (const at of sorted.slice(0, KEEP_AT_LEAST))
          expect(doomed.has(backupFileName('x', at))).toBe(false);
        const newestPerDay = new Map<string, number>();
        for (const at of sorted) {
          const day = new Date(at).toISOString().slice(0, 10);
          if (!newestPerDay.has(day)) newestPerDay.set(day, at);
        }
        for (const at of newestPerDay.values()) expect(doomed.has(backupFileName('x', at))).toBe(false);
        expect(names.length - doomed.size).toBeGreaterThanOrEqual(Math.min(KEEP_AT_LEAST, names.length));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
