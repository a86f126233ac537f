import { describe, expect, it } from 'vitest';
import { exportHtml, exportMarkdown, signOffFacts } from '../../../shared/export';
import type { IncidentSnapshot } from '../../../shared/domain';
import { HOSTILE, richSnapshot } from '../bundle/richSnapshot';

// richSnapshot: reviewers Grace Hopper and Edsger Dijkstra; Grace asked for changes, then
// approved at 2025-11-19 01:10 UTC; Ada published over Edsger's missing sign-off (hostile reason).
const snapshot = (): IncidentSnapshot => richSnapshot('A');

describe('sign-off in exported documents', () => {
  it('lists each required reviewer’s latest decision with name and time, then overrides', () => {
    const s = snapshot();
    expect(signOffFacts(s.incident.reviewers, s.signoffs, 'UTC')).toEqual([
      ['Sign-off', 'Approved by Grace Hopper on 2025-11-19 01:10:00 UTC'],
      ['Sign-off', 'Not signed off yet by Edsger Dijkstra'],
      [
        'Sign-off override',
        `Published without full sign-off by Ada Lovelace on 2025-11-19 01:15:00 UTC; not approved by Edsger Dijkstra. Reason: ${HOSTILE[0]}`,
      ],
    ]);
    expect(signOffFacts([], [], 'UTC')).toEqual([]);
  });

  it('says "Approved by … on …" in the internal Markdown, in the incident’s zone', () => {
    const md = exportMarkdown(snapshot(), { audience: 'internal' });
    expect(md).toContain('| Sign-off | Approved by Grace Hopper on 2025-11-18 17:10:00 PST |');
    expect(md).toContain('| Sign-off | Not signed off yet by Edsger Dijkstra |');
    expect(md).toMatch(
      /\| Sign-off override \| Published without full sign-off by Ada Lovelace on 2025-11-18 17:15:00 PST; not approved by Edsger Dijkstra\. Reason: /,
    );
  });

  it('says it in the internal HTML (and so the PDF), escaped', () => {
    const html = exportHtml(snapshot(), { audience: 'internal' });
    expect(html).toContain('<dt>Sign-off</dt><dd>Approved by Grace Hopper on 2025-11-18 17:10:00 PST</dd>');
    expect(html).toContain('Reason: &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('Reason: </script>');
  });

  it('leaves sign-off out of customer documents, like the reviewers', () => {
    const md = exportMarkdown(snapshot(), { audience: 'customer' });
    const html = exportHtml(snapshot(), { audience: 'customer' });
    expect(md).not.toContain('Sign-off');
    expect(html).not.toContain('Sign-off');
  });
});
