import { expect, type Locator, type Page } from '@playwright/test';

/** The Timeline tab: add bar, filters, selection toolbar, the event grid and the chart. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await expect(this.page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Timeline events' });
  }

  /** Event rows (gap and day rows excluded). */
  get rows(): Locator {
    return this.grid.locator('[data-event-id]');
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator('.c-title', { hasText: title }) });
  }

  get addForm(): Locator {
    return this.page.getByRole('form', { name: 'Add event' });
  }

  async add(time: string, kind: string, title: string, service = ''): Promise<void> {
    const form = this.addForm;
    await form.getByPlaceholder(/^Time in/).fill(time);
    await form.getByLabel('Kind').selectOption(kind);
    await form.getByPlaceholder('What happened').fill(title);
    await form.getByPlaceholder('Service').fill(service);
    await form.getByRole('button', { name: 'Add event' }).click();
    await expect(this.row(title)).toBeVisible();
  }

  get search(): Locator {
    return this.page.getByLabel('Filter events by text');
  }

  get filterStatus(): Locator {
    return this.page.locator('.tl-filters [aria-live] > .muted');
  }

  get zone(): Locator {
    return this.page.getByLabel('Display time zone');
  }

  get selection(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected events' });
  }

  get chart(): Locator {
    return this.page.locator('.tl-chart');
  }

  /** Clicks the chart at an instant in a lane (lane geometry comes from the chart's data-plot). */
  async clickChart(at: number, lane: string): Promise<void> {
    const box = await this.chartPoint(at, lane);
    await this.chart.click({ position: box });
  }

  async chartPoint(at: number, lane: string): Promise<{ x: number; y: number }> {
    const plot = (await this.chart.getAttribute('data-plot')) ?? '';
    const lanes = ((await this.chart.getAttribute('data-lanes')) ?? '').split('|');
    const [left = 0, right = 0, top = 0, laneH = 0, from = 0, to = 0] = plot.split(',').map(Number);
    const i = lanes.indexOf(lane);
    expect(i, `lane ${lane} in ${lanes.join(', ')}`).toBeGreaterThanOrEqual(0);
    return { x: left + ((at - from) / (to - from)) * (right - left), y: top + i * laneH + laneH / 2 };
  }

  /** Focuses the grid itself (not a field), where the table's shortcuts and app undo work. */
  async focusGrid(): Promise<void> {
    await this.grid.focus();
  }
}
