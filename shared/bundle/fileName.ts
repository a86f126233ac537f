/** The suffix of every bundle file: exports, review copies and backups. */
export const BUNDLE_FILE_SUFFIX = '.rootline.json';

/** The suffix as a file-dialog extension (dialogs want it without the leading dot). */
export const BUNDLE_EXTENSION = BUNDLE_FILE_SUFFIX.slice(1);

/** True when a file name ends in the bundle suffix (any letter case). */
export function isBundleFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_FILE_SUFFIX);
}

/** A bundle file name from a base name: `checkout` → `checkout.rootline.json`. */
export function bundleFileNameOf(base: string): string {
  return `${base}${BUNDLE_FILE_SUFFIX}`;
}

/** The name without the bundle suffix (or, failing that, without `.json`): for derived file names. */
export function bundleBaseName(name: string): string {
  if (isBundleFileName(name)) return name.slice(0, -BUNDLE_FILE_SUFFIX.length);
  return name.replace(/\.json$/i, '');
}
