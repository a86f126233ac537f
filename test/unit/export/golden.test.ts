import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../shared/export';
import type { Audience } from '../../../shared/export';
import { BUILTIN_TEMPLATE_IDS, sectionForType } from '../../../shared/templates';
import { GOLDEN_DIR, sampleSnapshot, template } from './helpers';

/*
 * Golden files: set UPDATE_GOLDEN=1 to (re)write them after an intended change, then review the
 * diff. A test run never writes one by itself: a missing golden fails, so CI cannot pass by
 * writing what it then compares against.
 */
function golden(name: string, actual: string): void {
  const path = `${GOLDEN_DIR}${name}`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual, 'utf8');
  if (!existsSync(path))
    throw new Error(`missing golden file ${path} (run with UPDATE_GOLDEN=1, then review it)`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const cases: [string, Audience][] = [
  ...BUILTIN_TEMPLATE_IDS.map((id): [string, Audience] => [id, 'internal']),
  ['azure-pir', 'customer'],
  ['azure-rca-2014', 'customer'],
];

describe('Markdown export of the sample incident', () => {
  it.each(cases)('%s (%s) matches its golden file', (id, audience) => {
    const t = template(id);
    const md = exportMarkdown(sampleSnapshot(id), { audience, templateName: t.name });
    golden(`sample-${id}-${audience}.md`, md);
  });

  // Determinism (equal across processes, zones and locales): test/unit/determinism.
  it('writes every section title, GFM tables for timeline and actions, and a mermaid block', () => {
    const t = template('azure-rca-2014');
    const md = exportMarkdown(sampleSnapshot('azure-rca-2014'), {
      audience: 'internal',
      templateName: t.name,
    });
    // The sample is an incident, not a game day: its document has the sections for incidents.
    for (const s of t.sections.filter((x) => sectionForType(x, 'incident')))
      expect(md).toContain(`## ${s.title}`);
    expect(md).not.toContain('## Hypothesis / Expected / Observed');
    expect(md).toMatch(/^\| Time \(PST\) \| Time \(UTC\) \| Kind \| Event \| Service \| Region \|$/m);
    expect(md).toMatch(/^\| Action \| Type \| Priority \| Owner \| Due \| Status \| Ticket \|$/m);
    expect(md).toContain('Fix the cache loop in the blob front-end (Completed)');
    expect(md).toContain('```mermaid\n---\nconfig:\n  flowchart:\n    curve: stepBefore\n---\nflowchart TD');
    expect(md).toContain('2014-11-18 17:01:22 PST (2014-11-19 01:01:22 UTC)');
    expect(md).toMatch(/\*\*TTD\*\*.*: 3m 35s/);
  });

  it('leaves internal-only sections and internal fields out of the customer version', () => {
    const t = template('google-sre');
    const snap = sampleSnapshot('google-sre');
    const internal = exportMarkdown(snap, { audience: 'internal', templateName: t.name });
    const customer = exportMarkdown(snap, { audience: 'customer', templateName: t.name });
    const hidden = t.sections.filter((s) => s.internalOnly);
    expect(hidden.length).toBeGreaterThan(0);
    for (const s of hidden) {
      expect(internal).toContain(`## ${s.title}`);
      expect(customer).not.toContain(`## ${s.title}`);
    }
    expect(internal).toContain('| Owner |');
    expect(customer).not.toContain('| Owner |');
    expect(customer).not.toContain('Dana Reyes');
    expect(customer).not.toContain('tickets.example.com');
    expect(customer).not.toContain('agreed');
  });

  it('the customer version leaves out tool metadata, unreviewed causes, declined actions and raw values', () => {
    for (const id of ['azure-rca-2014', 'azure-pir']) {
      const t = template(id);
      const snap = sampleSnapshot(id);
      const customer = exportMarkdown(snap, { audience: 'customer', templateName: t.name });
      expect(customer).not.toContain(t.name);
      expect(customer).not.toMatch(/Rootline/);
      for (const c of snap.causes.filter((c) => c.reviewState !== 'agreed' && c.kind !== 'incident')) {
        expect(customer).not.toContain(c.title);
      }
      for (const a of snap.actions.filter((a) => a.status === 'wont-do'))
        expect(customer).not.toContain(a.title);
      expect(customer).not.toMatch(/in-review|wont-do|in-progress/);
      // UTC only, as Azure publishes (on by default for customers).
      expect(customer).toContain('2014-11-19 01:01:22 UTC');
      // (The authors' own prose may name other zones; what the export writes is UTC.)
      expect(customer).not.toMatch(/^\|.*PST/m);
      expect(customer).not.toMatch(/^- \*\*.*PST/m);
      const internal = exportMarkdown(snap, { audience: 'internal', templateName: t.name });
      expect(internal).toContain(t.name);
      expect(internal).toContain('| Status | In review |');
      // The option can be turned off: the incident's zones come back.
      const zoned = exportMarkdown(snap, { audience: 'customer', utcOnly: false });
      expect(zoned).toContain('2014-11-18 17:01:22 PST (2014-11-19 01:01:22 UTC)');
    }
  });

  it('uses one zone when the incident has no second zone', () => {
    const snap = sampleSnapshot('azure-rca-2014');
    snap.incident.secondaryZone = null;
    const md = exportMarkdown(snap, { audience: 'internal' });
    expect(md).toContain('| Impact started | 2014-11-18 17:01:22 PST |');
    expect(md).not.toContain('| Time (UTC) |');
    expect(md).toMatch(/^\| Time \(PST\) \| Kind \| Event/m);
  });
});

describe('published template structures', () => {
  it('Azure PIR: the six published questions, with the timeline under "How did we respond?"', () => {
    const t = template('azure-pir');
    expect(t.sections.filter((s) => sectionForType(s, 'incident')).map((s) => s.title)).toEqual([
      'What happened?',
      'What went wrong and why?',
      'How did we respond?',
      'How are we making incidents like this less likely or less impactful?',
      'How can customers make incidents like this less impactful?',
      'How can we make our incident communications more useful?',
    ]);
    expect(t.sections.find((s) => s.key === 'how-did-we-respond')?.starter).toContain('{{live:timeline}}');
    const md = exportMarkdown(sampleSnapshot('azure-pir'), { audience: 'customer' });
    const respond = md.slice(md.indexOf('## How did we respond?'), md.indexOf('## How are we making'));
    expect(respond).toMatch(/\| Time \(UTC\) \| Kind \| Event/);
  });

  it('Azure 2014 RCA: summary, customer impact, root cause, mitigation and next steps', () => {
    const keys = template('azure-rca-2014').sections.map((s) => s.key);
    for (const key of ['summary', 'primary-impact', 'departure', 'mitigation', 'improvement-areas']) {
      expect(keys).toContain(key);
    }
    expect(keys.indexOf('mitigation')).toBeLessThan(keys.indexOf('improvement-areas'));
    const md = exportMarkdown(sampleSnapshot('azure-rca-2014'), { audience: 'customer' });
    expect(md).toContain('## Mitigation');
  });
});

describe('tables never break words', () => {
  it('the HTML (and so the PDF) keeps words whole in table cells and headers on one line', async () => {
    const { exportHtml } = await import('../../../shared/export');
    const html = exportHtml(sampleSnapshot('azure-rca-2014'), { audience: 'internal' });
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).toMatch(/th,td\{[^}]*word-break:normal;overflow-wrap:normal/);
    expect(css).toMatch(/th\{[^}]*white-space:nowrap/);
    expect(css).not.toMatch(/td\{[^}]*(break-all|anywhere)/);
  });
});

describe('injected faults in exports', () => {
  it('marks an injected event in words in the Markdown and HTML timelines, and rings it in the chart', async () => {
    const snap = sampleSnapshot('azure-rca-2014');
    const target = snap.events.find((e) => e.kind === 'change' && e.key);
    expect(target).toBeDefined();
    const marked = { ...snap, events: snap.events.map((e) => (e === target ? { ...e, injected: true } : e)) };
    const md = exportMarkdown(marked, { audience: 'internal' });
    // Markdown escapes the brackets so no renderer takes them for a link.
    expect(md).toContain(`\\[injected fault\\] ${target!.title}`);
    expect(exportMarkdown(snap, { audience: 'internal' })).not.toContain('[injected fault]');
    const { exportHtml } = await import('../../../shared/export');
    const html = exportHtml(marked, { audience: 'internal' });
    expect(html).toContain('[injected fault] ');
    expect(html).toContain('data-injected=');
  });

  it('a game day says so in the facts at the top', () => {
    const snap = sampleSnapshot('azure-rca-2014');
    const md = exportMarkdown(
      { ...snap, incident: { ...snap.incident, incidentType: 'game-day' } },
      {
        audience: 'customer',
      },
    );
    expect(md).toContain('| Type | Game day (injected faults) |');
    expect(exportMarkdown(snap, { audience: 'customer' })).not.toContain('| Type | Game day');
  });
});
