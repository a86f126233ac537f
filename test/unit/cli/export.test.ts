import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootline } from './rootline';

const BASE = readFileSync(new URL('../../fixtures/bundles/v1-rich.rootline.json', import.meta.url), 'utf8');

/** The rich fixture with one change, written to a temp file; returns its path. */
function bundleFile(
  name: string,
  change: (b: { incident: Record<string, unknown>; events: Record<string, unknown>[] }) => void,
) {
  const b = JSON.parse(BASE) as { incident: Record<string, unknown>; events: Record<string, unknown>[] };
  change(b);
  const path = join(mkdtempSync(join(tmpdir(), 'rootline-export-')), name);
  writeFileSync(path, JSON.stringify(b));
  return path;
}

/** Issue 11, item 1: the bricking bundles give a clear message, never a raw exception. */
describe('rootline export of hostile bundles', () => {
  it('an unknown zone is exported in UTC with a notice on stderr', () => {
    const file = bundleFile('mars.rootline.json', (b) => {
      b.incident.displayZone = 'Mars/Olympus';
    });
    const r = rootline('export', file, '--format', 'md');
    expect(r.stderr).toBe(
      'rootline export: mars.rootline.json: the display zone "Mars/Olympus" is not a time zone this app knows; times are shown in UTC.\n',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UTC');
  });

  it.each([
    ['past-range.rootline.json', 8.64e15 + 1],
    ['max-safe.rootline.json', Number.MAX_SAFE_INTEGER],
  ])('%s: a time outside the Date range is refused naming file, path and reason', (name, at) => {
    const file = bundleFile(name, (b) => {
      b.events[0]!.at = at;
    });
    const r = rootline('export', file, '--format', 'html');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `rootline export: ${name} is not a valid Rootline bundle: events[0].at: a time must be within the JavaScript date range (±8.64e15 ms).\n`,
    );
  });
});
