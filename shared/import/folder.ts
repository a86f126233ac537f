/*
 * What a folder (or a zip's entries) holds, decided the same way by the CLI and the app:
 * whether it is a Slack workspace export, and which paths are not logs at all.
 */

/* Slack's index files, and one folder per channel of day files (`general/2024-05-01.json`);
 * both may sit under one wrapping folder, as in a zip made of the export folder. */
const SLACK_TOP = /(?:^|\/)(?:channels|users|groups|dms|mpims)\.json$/;
const SLACK_DAY = /(?:^|\/)[^/]+\/\d{4}-\d{2}-\d{2}\.json$/;

/** True when the paths look like an unzipped Slack export (day files, and its index files or nothing else). */
export function isSlackExport(paths: readonly string[]): boolean {
  const days = paths.filter((p) => SLACK_DAY.test(p)).length;
  return days > 0 && (paths.some((p) => SLACK_TOP.test(p)) || days === paths.length);
}

/** Dot-files and macOS archive litter are never logs. */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}
