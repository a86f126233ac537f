import { zipSync } from 'fflate';
import type { PickedFile, PickedFolder } from '../../platform';

/* A Slack workspace export: `channels.json` / `users.json` at the top, and one folder per
 * channel of day files (`general/2024-05-01.json`). */
const SLACK_TOP = new Set(['channels.json', 'users.json', 'groups.json', 'dms.json', 'mpims.json']);
const SLACK_DAY = /^[^/]+\/\d{4}-\d{2}-\d{2}\.json$/;

/** True when the folder's files look like an unzipped Slack export. */
export function isSlackExport(paths: readonly string[]): boolean {
  const days = paths.filter((p) => SLACK_DAY.test(p)).length;
  return days > 0 && (paths.some((p) => SLACK_TOP.has(p)) || days === paths.length);
}

async function bytesOf(file: PickedFile): Promise<Uint8Array> {
  return new Uint8Array(await new Response(file.stream()).arrayBuffer());
}

/**
 * The files a folder adds to an import. A Slack export is one archive (its channels, users and
 * day files are read together, like the zip Slack hands out); any other folder adds each of its
 * files, named by its path inside the folder so that evidence says where a line came from.
 */
export async function folderToFiles(folder: PickedFolder): Promise<PickedFile[]> {
  const paths = folder.files.map((f) => f.path);
  if (!isSlackExport(paths)) {
    return folder.files.map(({ path, file }) => ({ ...file, name: `${folder.name}/${path}` }));
  }
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const { path, file } of folder.files) {
    // Only JSON is read from a Slack export (attachments and the like are not messages).
    if (path.endsWith('.json')) entries[path] = [await bytesOf(file), { level: 0 }];
  }
  const zip = new Blob([zipSync(entries)], { type: 'application/zip' });
  return [
    {
      name: `${folder.name}/`,
      size: zip.size,
      stream: () => zip.stream(),
      text: () => zip.text(),
    },
  ];
}
