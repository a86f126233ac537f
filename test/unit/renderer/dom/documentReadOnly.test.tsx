// @vitest-environment happy-dom
// A reviewer of a shared incident exports the document but cannot switch or load its template.
import { describe, expect, it } from 'vitest';
import { DocumentToolbar } from '../../../../renderer/features/document/components/DocumentToolbar';
import type { DocumentToolbarProps } from '../../../../renderer/features/document/components/DocumentToolbar';
import { ReadOnlyContext } from '../../../../renderer/ui/readOnly';
import { render } from './render';

const props: DocumentToolbarProps = {
  templates: [],
  templateId: null,
  onSwitchTemplate: () => undefined,
  onLoadTemplate: () => undefined,
  audience: 'internal',
  onAudience: () => undefined,
  utcOnly: false,
  onUtcOnly: () => undefined,
  paper: 'a4',
  onPaper: () => undefined,
  onExport: () => undefined,
  status: { state: 'idle' },
  pdfLabel: 'Export PDF',
  pdfNote: null,
};

const REASON = 'Shared with you as a reviewer.';

function controls(container: HTMLElement) {
  const byText = (t: string) =>
    [...container.querySelectorAll('button')].find((b) => b.textContent === t) ?? null;
  return {
    template: container.querySelector<HTMLSelectElement>('select[aria-label="Template"]'),
    load: byText('Load template file…'),
    markdown: byText('Export Markdown'),
  };
}

describe('the Document toolbar of a reviewer', () => {
  it('disables the template controls, naming why, and keeps the exports', () => {
    const view = render(
      <ReadOnlyContext.Provider value={REASON}>
        <DocumentToolbar {...props} />
      </ReadOnlyContext.Provider>,
    );
    const c = controls(view.container);
    expect(c.template?.disabled).toBe(true);
    expect(c.template?.title).toBe(REASON);
    expect(c.load?.disabled).toBe(true);
    expect(c.markdown?.disabled).toBe(false);
  });

  it('leaves them usable for an author', () => {
    const c = controls(render(<DocumentToolbar {...props} />).container);
    expect(c.template?.disabled).toBe(false);
    expect(c.load?.disabled).toBe(false);
  });
});
