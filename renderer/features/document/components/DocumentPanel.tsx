import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IncidentSnapshot, TimelineEvent } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import { createExportContext, liveBlockHasContent } from '../../../../shared/export';
import type { LiveBlockSpec } from '../../../../shared/document';
import type { PaperSize } from '../../../../shared/export';
import {
  applyTemplate,
  findTemplate,
  formatTemplateProblem,
  guidanceFor,
  parseTemplate,
  starterTexts,
} from '../../../../shared/templates';
import type { ApplyTemplateResult, RcaTemplate } from '../../../../shared/templates';
import { loadDocumentParts, replaceDocument, saveSectionState } from '../../../db/repos';
import { flushSharedSections } from '../../../editor/collab/registry';
import { platform } from '../../../platform';
import { EmptyState } from '../../../ui/EmptyState';
import { useReadOnly } from '../../../ui/readOnly';
import { exportDocument, useExportSettings, WEB_PDF_NOTE } from '../../export';
import { useUndoManager } from '../../undo';
import type { DocumentFormat } from '../../export';
import { useTemplates } from '../../templates';
import { useIncidentEvents } from '../../timeline';
import { useDocumentParts, useSaveStatus } from '../hooks/useDocument';
import { DocumentDataContext, EventsPendingContext } from './DocumentData';
import { DocumentOutline } from './DocumentOutline';
import { DocumentToolbar } from './DocumentToolbar';
import { SectionEditor } from './SectionEditor';
import { TemplateSwitchDialog } from './TemplateSwitchDialog';
import { syncDocumentType } from '../syncType';
import { useSectionSharing } from '../../../editor/collab/registry';
import { SectionSharingContext } from '../../../editor/collab/sharing';
import './document.css';

/** Wall-clock time for stored rows (outside components: reading the clock is not rendering). */
function clock(): number {
  return Date.now();
}

/** The Document tab: the RCA written in template sections, with live blocks and exports. */
export function DocumentPanel({ incidentId }: { incidentId: string }) {
  const parts = useDocumentParts(incidentId);
  // The events (large) are read once the text is here: the text is what a reader needs first.
  const { events, loaded } = useIncidentEvents(incidentId, parts !== undefined);
  if (parts === undefined) return <p className="loading muted">Loading document…</p>;
  if (parts === null) return <p className="muted">This incident no longer exists.</p>;
  return <DocumentBody parts={parts} events={events} loadedEvents={loaded} />;
}

/**
 * The document shows its text at once; live blocks that list events say they are loading until
 * every event is read (a big incident's 100,000 take a moment), never a partial timeline.
 */
function DocumentBody({
  parts,
  events,
  loadedEvents,
}: {
  parts: IncidentSnapshot;
  events: readonly TimelineEvent[] | null;
  loadedEvents: () => Promise<readonly TimelineEvent[]>;
}) {
  // The context copies and sorts the events itself, so they are passed as they are.
  const snapshot = useMemo(() => ({ ...parts, events: (events ?? []) as TimelineEvent[] }), [parts, events]);
  const { incident, sections } = snapshot;
  const { templates, addCustom } = useTemplates();
  const { status, track, markPending } = useSaveStatus();
  const undo = useUndoManager();
  const sharing = useSectionSharing(incident.id);
  const readOnly = useReadOnly();
  const template = findTemplate(templates, incident.templateId);
  const { audience, setAudience, utcOnly, setUtcOnly } = useExportSettings(incident);
  const [paper, setPaper] = useState<PaperSize>('a4');
  // A document opened after its incident changed type (an import, a bundle) catches up here.
  useEffect(() => {
    void syncDocumentType(incident.id, templates);
  }, [incident.id, incident.incidentType, templates]);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const ctx = useMemo(() => createExportContext(snapshot, { audience: 'internal' }), [snapshot]);
  const blockShows = useCallback((spec: LiveBlockSpec) => liveBlockHasContent(ctx, spec), [ctx]);
  const starters = useMemo(() => starterTexts(template), [template]);
  const starterText = useCallback((key: string) => starters.get(key) ?? null, [starters]);

  const apply = async (t: RcaTemplate): Promise<void> => {
    const now = clock();
    const result = applyTemplate(t, sections, {
      incidentId: incident.id,
      now,
      newId: () => newId(now),
      incidentType: incident.incidentType,
    });
    const write = replaceDocument(incident.id, result.sections, t.id, now);
    await track(write.then(() => undefined));
    const previous = await write.catch(() => null);
    if (previous === null) return;
    const prevId = previous.beforeTemplateId;
    if (prevId !== null) {
      undo.push({
        label: `Switch template to ${t.name}`,
        undo: () => replaceDocument(incident.id, previous.before, prevId).then(() => undefined),
        redo: () => replaceDocument(incident.id, result.sections, t.id).then(() => undefined),
      });
    }
    const carried = result.carried.length;
    const kept =
      result.kept.length > 0
        ? ` ${result.kept.length} section(s) that match nothing were kept at the end, marked internal.`
        : '';
    setMessage({
      kind: 'info',
      text: `Template "${t.name}" applied; text kept in ${carried} section(s).${kept}`,
    });
  };

  // A switch that would move content customers saw into internal sections asks first.
  const [confirmSwitch, setConfirmSwitch] = useState<{
    template: RcaTemplate;
    moves: ApplyTemplateResult['movedToInternal'];
  } | null>(null);
  const requestApply = (t: RcaTemplate) => {
    const plan = applyTemplate(t, sections, {
      incidentId: incident.id,
      now: 0,
      newId: () => '',
      incidentType: incident.incidentType,
    });
    if (plan.movedToInternal.length > 0) setConfirmSwitch({ template: t, moves: plan.movedToInternal });
    else void apply(t);
  };

  const switchTemplate = (id: string) => {
    const t = findTemplate(templates, id);
    if (t === null || t.id === incident.templateId) return;
    requestApply(t);
  };

  const loadTemplate = async () => {
    const [file] = await platform.openFiles({ accept: ['.json'], multiple: false });
    if (file === undefined) return;
    const result = parseTemplate(await file.text(), file.name);
    if (!result.ok) {
      setMessage({
        kind: 'error',
        text: `Template not loaded. ${result.problems.map(formatTemplateProblem).join(' · ')}`,
      });
      return;
    }
    await addCustom(result.template);
    requestApply(result.template);
  };

  const runExport = (format: DocumentFormat) => {
    if (format === 'pdf' && !platform.printToPdf) setMessage({ kind: 'info', text: WEB_PDF_NOTE });
    // Started before every event was read: the export waits for them rather than leave them out.
    // A shared section's latest text is stored first, then the parts are read as stored.
    Promise.all([loadedEvents(), flushSharedSections(incident.id).then(() => loadDocumentParts(incident.id))])
      .then(([all, stored]) =>
        exportDocument({ ...(stored ?? parts), events: [...all] }, format, {
          audience,
          paper,
          utcOnly,
          templateName: template?.name ?? null,
        }),
      )
      .catch((e: unknown) =>
        setMessage({ kind: 'error', text: `Export failed: ${e instanceof Error ? e.message : String(e)}` }),
      );
  };

  if (sections.length === 0) {
    return (
      <EmptyState
        title="No document yet"
        actions={templates.map((t) => (
          <button
            key={t.id}
            type="button"
            className="btn"
            disabled={readOnly !== null}
            title={readOnly ?? undefined}
            onClick={() => void apply(t)}
          >
            Use {t.name}
          </button>
        ))}
      >
        <p>
          The written RCA is organised in sections from a template. Pick one to start; each section comes with
          guidance, and live blocks (timeline, causes, action items, key times) fill in from this incident.
        </p>
      </EmptyState>
    );
  }

  return (
    <SectionSharingContext.Provider value={sharing}>
      <DocumentDataContext.Provider value={ctx}>
        <EventsPendingContext.Provider value={events === null}>
          <div className="document-layout">
            <div className="document-panel">
              <DocumentToolbar
                templates={templates}
                templateId={incident.templateId}
                onSwitchTemplate={switchTemplate}
                onLoadTemplate={() => void loadTemplate()}
                audience={audience}
                onAudience={setAudience}
                utcOnly={utcOnly}
                onUtcOnly={setUtcOnly}
                paper={paper}
                onPaper={setPaper}
                onExport={runExport}
                status={status}
                pdfLabel={platform.printToPdf ? 'Export PDF' : 'Print / PDF'}
                pdfNote={platform.printToPdf ? null : WEB_PDF_NOTE}
              />
              {message && (
                <p
                  className={message.kind === 'error' ? 'doc-message error' : 'doc-message'}
                  role={message.kind === 'error' ? 'alert' : 'status'}
                >
                  {message.text}{' '}
                  <button type="button" className="btn btn-small" onClick={() => setMessage(null)}>
                    Dismiss
                  </button>
                </p>
              )}
              {sections.map((s) => (
                <SectionEditor
                  key={s.id}
                  section={s}
                  guidance={guidanceFor(template, s.key)}
                  onSave={(json) => {
                    const write = saveSectionState(s.id, json);
                    void track(write);
                    return write;
                  }}
                  onPending={markPending}
                />
              ))}
            </div>
            <DocumentOutline
              incidentId={incident.id}
              sections={sections}
              blockShows={blockShows}
              starterText={starterText}
            />
            {confirmSwitch && (
              <TemplateSwitchDialog
                templateName={confirmSwitch.template.name}
                moves={confirmSwitch.moves}
                onCancel={() => setConfirmSwitch(null)}
                onConfirm={() => {
                  setConfirmSwitch(null);
                  void apply(confirmSwitch.template);
                }}
              />
            )}
          </div>
        </EventsPendingContext.Provider>
      </DocumentDataContext.Provider>
    </SectionSharingContext.Provider>
  );
}
