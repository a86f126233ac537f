import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { useEffect, useMemo, useState } from 'react';
import { checkSectionState } from '../../../../shared/document/state';
import { lexicalPlainText } from '../../../../shared/document/text';
import type { DocumentSection } from '../../../../shared/domain';
import { clearJournal, readJournal } from '../../../editor/journal';
import { SectionGoneError } from '../../../db/repos';
import { journalCommitted, journalDrop, journalNewer, journalPut, sectionJournalKey } from '../../journal';
import { EDITOR_NODES, EDITOR_THEME, EDITOR_TRANSFORMERS } from '../../../editor/nodes';
import { AutosavePlugin } from '../../../editor/plugins/AutosavePlugin';
import { BoundedHistoryPlugin } from '../../../editor/plugins/BoundedHistoryPlugin';
import { ToolbarPlugin } from '../../../editor/plugins/ToolbarPlugin';
import { TrailingParagraphPlugin } from '../../../editor/plugins/TrailingParagraphPlugin';
import { SectionCollabPlugin } from '../../../editor/plugins/SectionCollabPlugin';
import { useSharedSection } from '../../../editor/collab/sharing';
import type { SharedSection } from '../../../editor/collab/sharing';
import { useDocIsEmpty } from '../../../editor/collab/useDocIsEmpty';
import { SectionComments } from './SectionComments';

/** The id of a section's heading; the section is labelled by it, and the outline finds it so. */
export function sectionTitleId(sectionId: string): string {
  return `section-title-${sectionId}`;
}

/** The journal field that holds a section's editor state. */
const STATE_FIELD = 'lexicalState';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * One section of the document: its own Lexical editor (rich text, lists, checklists, links,
 * tables, code, live blocks, Markdown shortcuts), guidance as placeholder, autosaved. Pasted
 * HTML becomes only the registered nodes, so styles, scripts and media never enter.
 */
export function SectionEditor({
  section,
  guidance,
  onSave,
  onPending,
}: {
  section: DocumentSection;
  guidance: string;
  onSave: (json: string) => Promise<void>;
  onPending?: (() => void) | undefined;
}) {
  // Text typed after the stored state was written (the page went away before its autosave
  // committed) wins over the stored state; so does the journal of earlier versions.
  const journalKey = sectionJournalKey(section.id);
  const journaled = useMemo(
    () => {
      const newer = journalNewer(journalKey, section.updatedAt)[STATE_FIELD]?.value;
      return typeof newer === 'string' ? newer : readJournal(section.id, section.updatedAt);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per section id
    [section.id],
  );
  // `onSave` rejects when the write failed (the error is shown by the caller); the text then
  // stays journaled, unless the section itself is gone.
  const save = (json: string) =>
    onSave(json).then(
      () => {
        journalCommitted(journalKey, { [STATE_FIELD]: json });
        clearJournal(section.id);
      },
      (e: unknown) => {
        if (e instanceof SectionGoneError) journalDrop(journalKey);
      },
    );
  const { shared, opening } = useSharedSection(section.id);
  const isShared = shared !== null || opening;
  const waiting = useDocIsEmpty(shared?.doc ?? null);
  // After sharing stopped under the open editor, the stored state is the shared text's projection
  // (the journal is older than it).
  const [journalApplies, setJournalApplies] = useState(true);
  if (shared !== null && journalApplies) setJournalApplies(false);
  // A stored state is checked before Lexical sees it: bad heading tags repaired, too deep refused.
  const checked = useMemo(
    () => checkSectionState(journalApplies ? (journaled ?? section.lexicalState) : section.lexicalState),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- seeded once per section id and source
    [section.id, isShared],
  );
  useEffect(() => {
    if (journaled === null) return;
    journalPut(journalKey, STATE_FIELD, journaled);
    void save(journaled);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- replays the journal once
  }, [journaled, section.id]);
  const titleId = sectionTitleId(section.id);
  return (
    <section className="doc-section" aria-labelledby={titleId} data-key={section.key}>
      <header className="doc-section-head">
        <h2 id={titleId}>{section.title}</h2>
        {section.internalOnly && (
          <span className="pill" title="Left out of customer-facing exports">
            internal
          </span>
        )}
      </header>
      {guidance !== '' && <p className="doc-guidance">{guidance}</p>}
      {checked.ok ? (
        <SectionEditorBody
          // Sharing starts or stops under an open editor: the editor is made again from the new source.
          // A shared section whose document is still empty is not bound to it (nothing the editor
          // does on its own, such as a trailing paragraph, may land in the document before the text).
          key={opening ? 'opening' : shared === null ? 'local' : waiting ? 'waiting' : 'shared'}
          section={section}
          guidance={guidance}
          titleId={titleId}
          stored={checked.state}
          shared={shared}
          opening={opening}
          waiting={waiting}
          save={save}
          onPending={onPending}
          onChange={(json) => journalPut(journalKey, STATE_FIELD, json)}
        />
      ) : (
        <div className="doc-too-deep" role="note">
          <p className="doc-problem">{checked.message}</p>
          <p className="doc-readonly" aria-label={`${section.title} text (read-only)`}>
            {lexicalPlainText(section.lexicalState)}
          </p>
        </div>
      )}
      <SectionComments section={section} />
    </section>
  );
}

function SectionEditorBody({
  section,
  guidance,
  titleId,
  stored,
  shared,
  opening,
  waiting,
  save,
  onPending,
  onChange,
}: {
  section: DocumentSection;
  guidance: string;
  titleId: string;
  /** The checked stored state; seeds a local editor once (a shared one reads its document). */
  stored: string | null;
  shared: SharedSection | null;
  /** Shared, but the section's document is not open yet: the stored text, read-only. */
  opening: boolean;
  /** Shared, but its document has no text yet (not seeded or synced): read-only, not bound. */
  waiting: boolean;
  save: (json: string) => Promise<void>;
  onPending?: (() => void) | undefined;
  onChange: (json: string) => void;
}) {
  // Local: the stored state seeds the editor once; afterwards the editor is the source and
  // autosaves. Shared: the editor starts empty (null) and shows its document's text; the
  // document is the source, projected into the stored state by renderer/sync.
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `section-${section.id}`,
      nodes: EDITOR_NODES,
      theme: EDITOR_THEME,
      // Absent (not undefined) when there is nothing stored: Lexical starts empty.
      ...(shared !== null ? { editorState: null } : stored !== null ? { editorState: stored } : {}),
      editable: !opening && !waiting && (shared === null || !shared.readOnly),
      onError: (error: Error) => console.error(error),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once per section and source
    [section.id],
  );
  const readOnly = opening || (shared !== null && (shared.readOnly || waiting));
  return (
    <LexicalComposer initialConfig={initialConfig}>
      {!readOnly && <ToolbarPlugin label={section.title} />}
      <div className="ed-frame">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="ed-content"
              aria-label={`${section.title} text${readOnly ? ' (read-only)' : ''}`}
              aria-describedby={titleId}
            />
          }
          placeholder={
            <div className="ed-placeholder">
              {waiting || opening
                ? 'Waiting for the shared text of this section…'
                : guidance || 'Write here. Markdown shortcuts work: ## , - , 1. , [] , > , ```'}
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        {shared !== null && !waiting && (
          <SectionCollabPlugin
            doc={shared.doc}
            awareness={shared.awareness}
            name={shared.user.name}
            color={shared.user.color}
            readOnly={readOnly}
          />
        )}
      </div>
      {opening && <p className="doc-readonly-note muted">Connecting to the shared text…</p>}
      {shared?.readOnly === true && (
        <p className="doc-readonly-note muted">Shared with you as a reviewer: the text is read-only.</p>
      )}
      <ListPlugin />
      <CheckListPlugin />
      <LinkPlugin validateUrl={(url) => SAFE_LINK.test(url)} />
      <TablePlugin />
      <MarkdownShortcutPlugin transformers={EDITOR_TRANSFORMERS} />
      <TrailingParagraphPlugin />
      {shared === null && !opening && (
        <>
          <BoundedHistoryPlugin />
          <AutosavePlugin save={save} onPending={onPending} onChange={onChange} />
        </>
      )}
    </LexicalComposer>
  );
}
