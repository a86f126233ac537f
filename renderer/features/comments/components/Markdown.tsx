import { useMemo, type MouseEvent } from 'react';
import { markdownToSafeHtml } from '../../../editor/markdownHtml';
import { platform } from '../../../platform';

/** Renders Markdown as sanitised HTML; links open in the system browser, never in the app. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => markdownToSafeHtml(text), [text]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link) return;
    e.preventDefault();
    void platform.openExternal(link.href);
  };
  return (
    <div
      className={`markdown ${className ?? ''}`}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
