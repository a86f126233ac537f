import { libraryBundle } from '../fixtures/libraryBundles';
import { captureDownload, expect, test } from './fixtures';

/** Issue 18: seed several incidents, see Trends and Similar incidents, export a learning review. */
test('trends, similar incidents and a learning review over several incidents', async ({ page, list }) => {
  await list.goto();
  const seeds: [string, number, number | null, string[]][] = [
    ['A', Date.UTC(2026, 0, 5), 10, ['api']],
    ['B', Date.UTC(2026, 1, 5), 30, ['api', 'db']],
    ['C', Date.UTC(2026, 2, 5), null, ['db']],
  ];
  for (const [id, start, ttd, services] of seeds) {
    await list.openBundle({
      name: `${id}.rootline.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(libraryBundle(id, start, ttd, services)),
    });
    await expect(page.getByRole('heading', { name: `Incident ${id}`, level: 1 })).toBeVisible();
    await list.goto();
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
  const trends = page.getByTestId('trends');
  await expect(trends).toHaveAttribute('data-ready', 'true');
  await expect(trends).toContainText('3 incidents');
  // Time to detect by service: api is A (10 min) and B (30 min); C has no detection time.
  const byService = trends.locator('[data-figure="ttd-by-service"]');
  await byService.getByText('Numbers').click();
  await expect(byService.getByRole('row', { name: /^api 2 20m 15m 25m 10m 30m$/ })).toBeVisible();
  await expect(trends.locator('[data-figure="response-times"]')).toContainText(
    'MTTD: 1 incident without a detection time',
  );
  const signals = trends.locator('[data-figure="recurring-signals"]');
  await expect(signals.getByRole('row', { name: /unstaged-rollout on checkout 3/ })).toBeVisible();

  const review = await captureDownload(page, () =>
    trends.getByRole('button', { name: 'Export learning review' }).click(),
  );
  expect(review.name).toMatch(/^learning-review-.*\.md$/);
  expect(review.text).toContain('# Learning review: all time');
  expect(review.text).toContain('| Change finding | unstaged-rollout on checkout | 3 |');
  expect(review.text).toContain('## Open follow-ups');

  // Open B from the signals table: its Overview lists A and C as similar, with the reasons.
  await signals
    .getByRole('row', { name: /^Service db/ })
    .getByRole('link', { name: 'Incident B' })
    .click();
  const similar = page.getByTestId('similar-incidents');
  await expect(similar.getByRole('listitem')).toHaveCount(2);
  await expect(similar.getByRole('listitem').first()).toContainText(
    'Same change finding: unstaged-rollout on checkout',
  );
  await similar.getByRole('link', { name: 'Incident A' }).click();
  await expect(page.getByRole('heading', { name: 'Incident A', level: 1 })).toBeVisible();
});
