import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createIncident, expect, test } from './fixtures';
import { CausesPage } from './pages/CausesPage';
import { ImportDialogPage } from './pages/ImportDialog';
import { TimelinePage } from './pages/TimelinePage';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url)), 'utf8');

/** Screenshots (light, dark; two window sizes) when ROOTLINE_SHOTS_DIR names a folder. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.ROOTLINE_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${dir}/${name}-${viewport.width}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (size) await page.setViewportSize(size);
}

test('an Argo rollout, a Terraform apply and an AWS FIS experiment: injected faults marked, change-before-impact found and suggested, game-day section', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Checkout database replaced');
  await incident.tab('Timeline').click();

  const dialog = new ImportDialogPage(page);
  const files = [
    { name: 'argo_rollouts_events.json', text: fixture('orchestrators/argo_rollouts_events.json') },
    { name: 'terraform_apply.jsonl', text: fixture('orchestrators/terraform_apply.jsonl') },
    { name: 'aws_fis_experiment.jsonl', text: fixture('chaos/aws_fis_experiment.jsonl') },
  ];
  await dialog.drop(files);
  for (const f of files) await expect(dialog.fileRow(f.name)).toContainText('detected:', { timeout: 30_000 });
  // The window is shown (60 minutes by default) and can be changed; the import uses the new one.
  const window = dialog.dialog.getByLabel('Change-before-impact window (minutes)');
  await expect(window).toHaveValue('60');
  await window.fill('30');
  await window.blur();
  await shoot(page, 'import-options');
  await dialog.start();

  const findings = dialog.dialog.getByRole('list', { name: 'Findings' });
  await expect(dialog.dialog.getByRole('heading', { name: /^Change findings/ })).toBeVisible();
  await expect(dialog.dialog).toContainText('finished up to 30 minutes before it began');
  await expect(findings.getByRole('listitem').filter({ hasText: 'change-before-impact' })).toContainText(
    'aws_db_instance.main',
  );
  await expect(findings).toContainText('unstaged-rollout');
  const proposed = dialog.dialog.getByRole('table', { name: 'Proposed events' });
  await expect(
    proposed.getByRole('row').filter({ hasText: 'Fault aws:ec2:stop-instances started' }),
  ).toContainText('injected');
  await shoot(page, 'import-summary');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  // Table: injected events carry a labelled badge; the filter shows them alone or hides them.
  const timeline = new TimelinePage(page);
  const fault = timeline.row('Fault aws:ec2:stop-instances started');
  await expect(fault.locator('.injected-badge')).toHaveText('injected');
  await expect(fault.locator('.injected-badge')).toHaveAttribute('title', /^Injected fault/);
  await expect(timeline.row('Rollout updated to revision 8').locator('.injected-badge')).toHaveCount(0);
  const injectedFilter = page.getByRole('combobox', { name: 'Injected faults' });
  await injectedFilter.selectOption('only');
  await expect(timeline.filterStatus).toHaveText('5 of 25 events shown');
  await injectedFilter.selectOption('hide');
  await expect(timeline.filterStatus).toHaveText('20 of 25 events shown');
  await expect(fault).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove filter Injected faults hidden' }).click();
  await expect(timeline.filterStatus).toHaveText('25 events');

  // Chart: injected marks are ringed, said in the image's text and in the hover tooltip.
  // (The chart is stacked layers; its bottom one carries the description, the others are hidden from it.)
  await expect(timeline.chart.getByRole('img')).toHaveAttribute('alt', /dashed ring: injected faults/);
  // The FIS experiment's five events as four marks (two faults a second apart share one); the
  // Argo and Terraform marks are not ringed.
  await expect(timeline.chart).toHaveAttribute('data-injected-marks', '4');
  const at = Date.UTC(2026, 2, 14, 13, 0, 5);
  await timeline.chart.hover({ position: await timeline.chartPoint(at, 'i-0a1b2c3d4e5f60718') });
  await expect(page.getByRole('tooltip')).toContainText('Injected fault');
  await page.mouse.move(0, 0);
  await shoot(page, 'timeline');

  // Real changes came before the impact, so the import left it an incident, not a game day; made
  // one by hand, its document gains the Hypothesis / Expected / Observed section.
  await incident.tab('Document').click();
  await page.getByRole('button', { name: 'Use Google SRE postmortem' }).click();
  const hypothesis = page.getByRole('textbox', { name: 'Hypothesis / Expected / Observed text' });
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toBeVisible();
  await expect(hypothesis).toHaveCount(0);
  await incident.tab('Overview').click();
  const type = page.getByRole('combobox', { name: 'Type', exact: true });
  await expect(type).toHaveValue('incident');
  await type.selectOption('game-day');
  await expect(page.getByText('The document has a Hypothesis / Expected / Observed section.')).toBeVisible();
  await shoot(page, 'overview');
  await incident.tab('Document').click();
  await expect(hypothesis).toContainText('Hypothesis:');
  await expect(hypothesis).toContainText('Observed:');
  await shoot(page, 'document');

  // The cause tree offers the finding as a contributing factor, naming the change.
  const causes = new CausesPage(page);
  await causes.open();
  await causes.view('Analysis').click();
  const suggestion = page.locator('li.suggestion').filter({ hasText: 'shortly before impact began' });
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toContainText('aws_db_instance.main');
  await shoot(page, 'causes');
});

test('an experiment whose every fault was injected makes the incident a game day on import', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Zone loss drill');
  await incident.tab('Document').click();
  await page.getByRole('button', { name: 'Use Google SRE postmortem' }).click();
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toBeVisible();
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'fis.jsonl', text: fixture('chaos/aws_fis_experiment.jsonl') }]);
  await expect(dialog.fileRow('fis.jsonl')).toContainText('detected:', { timeout: 30_000 });
  await dialog.start();
  await dialog.acceptButton.click();
  await expect(page.getByText(/so the incident is now a game day/)).toBeVisible();
  await incident.tab('Overview').click();
  await expect(page.getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('game-day');
  await expect(page.getByText('Set by the import: every fault on the timeline was injected.')).toBeVisible();
  await incident.tab('Document').click();
  await expect(page.getByRole('textbox', { name: 'Hypothesis / Expected / Observed text' })).toBeVisible();
});
