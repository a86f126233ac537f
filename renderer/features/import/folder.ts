import { zipSync } from 'fflate';
import { isSlackExport } from '../../../shared/import/folder';
import type { PickedFile, PickedFolder } from '../../platform';
import { nullProto } from '../../../shared/domain/lookup';

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
  const entries: Record<string, [Uint8Array, { level: 0 }]> = nullProto({});
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
