import { bundleFileNameOf } from '../../../shared/bundle/fileName';

/** File-name-safe slug of a title: `API outage (us-east-1)` → `api-outage-us-east-1`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug === '' ? 'incident' : slug;
}

/** `<slug>.rootline.json`, the bundle file name for an incident title. */
export function bundleFileName(title: string): string {
  return bundleFileNameOf(slugify(title));
}

/** True for names that look like a Rootline bundle (or any JSON file the user may try). */
export function looksLikeBundle(name: string): boolean {
  return /\.json$/i.test(name);
}
