import { ReadOnlyScope } from '../../../ui/readOnly';
import { useCallback, useId, useMemo, useState } from 'react';
import {
  EMPTY_FILTER,
  filterActions,
  ownersOf,
  sortActions,
  withCauses,
  type ActionFilter,
  type ActionSort,
} from '../../../../shared/actions';
import { buildTree, causeCoverage, flattenTree } from '../../../../shared/causes';
import type { ActionItem, CauseNode } from '../../../../shared/domain';
import { setActionPrefs } from '../../../db/repos';
import { EmptyState } from '../../../ui/EmptyState';
import { useToast } from '../../../ui/Toast';
import { useActionCommands } from '../hooks/useActionCommands';
import { useActionPrefs, useIncidentCauses, useIncidentTitle, useToday } from '../hooks/useActionData';
import { useActionItems } from '../hooks/useActionItems';
import { useCsvTransfer } from '../hooks/useCsvTransfer';
import { ActionPrefsDialog } from './ActionPrefsDialog';
import { ActionRow } from './ActionRow';
import { ActionsTable } from './ActionsTable';
import { ActionsToolbar } from './ActionsToolbar';
import { CausePicker } from './CausePicker';
import { CoverageList } from './CoverageList';
import { FilterBar } from './FilterBar';
import { ImportReportDialog } from './ImportReportDialog';
import { ReasonDialog } from './ReasonDialog';
import './actions.css';

/** The Action items tab: add, edit, sort, filter, bulk-change, link to causes, CSV in and out. */
export function ActionsPanel({ incidentId }: { incidentId: string }) {
  const items = useActionItems(incidentId);
  const incidentTitle = useIncidentTitle(incidentId);
  const causes = useIncidentCauses(incidentId);
  const prefs = useActionPrefs();
  const today = useToday();
  const commands = useActionCommands();
  const toast = useToast();
  const ownersListId = useId();

  const [sort, setSort] = useState<ActionSort>({ key: 'createdAt', dir: 'asc' });
  const [filter, setFilter] = useState<ActionFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [reasonFor, setReasonFor] = useState<ActionItem[] | null>(null);
  const [pickFor, setPickFor] = useState<string | null>(null);
  const [prefsOpen, setPrefsOpen] = useState(false);

  const causeMap = useMemo(() => new Map((causes ?? []).map((c) => [c.id, c])), [causes]);
  const pickable = useMemo(() => flattenTree(buildTree(causes ?? [])).filter((r) => r.depth > 0), [causes]);
  const causeTitle = useCallback((id: string) => causeMap.get(id)?.title, [causeMap]);
  const incidentName = useCallback(() => incidentTitle || undefined, [incidentTitle]);
  const all = useMemo(() => items ?? [], [items]);
  const csv = useCsvTransfer({
    fileStem: slug(incidentTitle) || 'incident',
    scope: all,
    causeTitle,
    incidentTitle: incidentName,
    commands,
  });

  const shown = useMemo(
    () => sortActions(filterActions(all, filter, today), sort, { causeTitle }),
    [all, filter, today, sort, causeTitle],
  );
  const selectedItems = shown.filter((i) => selected.has(i.id));
  const coverage = useMemo(() => causeCoverage(causes ?? [], all), [causes, all]);
  const owners = useMemo(() => ownersOf(all), [all]);

  if (!items || !causes || !prefs) return <p className="loading muted">Loading action items…</p>;

  const add = async (title: string, causeIds: string[] = []) => {
    const item = await commands.add({
      incidentId,
      title,
      today,
      dueDays: prefs.dueDays,
      type: prefs.types[0],
      causeIds,
    });
    return item;
  };
  const addForCause = (cause: CauseNode) => {
    void add(`Address: ${cause.title || 'untitled cause'}`, [cause.id]).then((item) =>
      setExpanded((s) => new Set(s).add(item.id)),
    );
  };
  const setStatus = (targets: ActionItem[], status: ActionItem['status']) => {
    if (status === 'wont-do') setReasonFor(targets);
    else void commands.setStatus(targets, status);
  };
  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const pickItem = pickFor ? all.find((i) => i.id === pickFor) : undefined;

  return (
    <section className="actions-panel" aria-label="Action items">
      <ReadOnlyScope>
        <ActionsToolbar
          onAdd={(title) => void add(title)}
          selectedCount={selectedItems.length}
          onBulkStatus={(status) => setStatus(selectedItems, status)}
          onBulkDelete={() => {
            void commands.remove(selectedItems).then(() =>
              toast({
                message: `Deleted ${selectedItems.length} action item${selectedItems.length === 1 ? '' : 's'}. Undo with Ctrl+Z.`,
              }),
            );
            setSelected(new Set());
          }}
          onClearSelection={() => setSelected(new Set())}
          onExport={(flavor) => void csv.exportCsv(shown, flavor)}
          canExport={shown.length > 0}
          onImport={() => void csv.chooseImport()}
          onPrefs={() => setPrefsOpen(true)}
        />
      </ReadOnlyScope>
      {all.length > 0 && (
        <FilterBar
          filter={filter}
          owners={owners}
          onChange={setFilter}
          shown={shown.length}
          total={all.length}
        />
      )}
      {all.length === 0 ? (
        <EmptyState title="No action items yet">
          <p>
            Type a follow-up above and press Enter. Each item gets an owner, a priority (which sets a default
            due date), and the causes it addresses — or start from an uncovered cause below.
          </p>
        </EmptyState>
      ) : (
        <ActionsTable
          sort={sort}
          onSort={setSort}
          allSelected={shown.length > 0 && selectedItems.length === shown.length}
          someSelected={selectedItems.length > 0}
          onSelectAll={(on) => setSelected(on ? new Set(shown.map((i) => i.id)) : new Set())}
        >
          {shown.length === 0 && (
            <tr>
              <td colSpan={11} className="muted no-matches">
                No action items match these filters.
              </td>
            </tr>
          )}
          {shown.map((item) => (
            <ActionRow
              key={item.id}
              item={item}
              today={today}
              causes={causeMap}
              types={prefs.types}
              dueDays={prefs.dueDays}
              ownersListId={ownersListId}
              selected={selected.has(item.id)}
              expanded={expanded.has(item.id)}
              commands={commands}
              onToggleSelected={() => setSelected((s) => toggle(s, item.id))}
              onToggleExpanded={() => setExpanded((s) => toggle(s, item.id))}
              onNeedReason={setReasonFor}
              onPickCauses={(i) => setPickFor(i.id)}
            />
          ))}
        </ActionsTable>
      )}
      <datalist id={ownersListId}>
        {owners.filter(Boolean).map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <CoverageList coverage={coverage} onAdd={addForCause} />

      {reasonFor && (
        <ReasonDialog
          count={reasonFor.length}
          onCancel={() => setReasonFor(null)}
          onConfirm={(reason) => {
            void commands.setStatus(reasonFor, 'wont-do', reason);
            setReasonFor(null);
          }}
        />
      )}
      {pickItem && (
        <CausePicker
          item={pickItem}
          rows={pickable}
          onClose={() => setPickFor(null)}
          onSave={(ids) => {
            const next = withCauses(pickItem, ids, Date.now());
            if (next !== pickItem) void commands.update(pickItem, next, 'Link causes');
          }}
        />
      )}
      {prefsOpen && (
        <ActionPrefsDialog
          prefs={prefs}
          onSave={(p) => void setActionPrefs(p)}
          onClose={() => setPrefsOpen(false)}
        />
      )}
      {csv.plan && (
        <ImportReportDialog plan={csv.plan} onApply={() => void csv.applyPlan()} onClose={csv.cancelPlan} />
      )}
    </section>
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
