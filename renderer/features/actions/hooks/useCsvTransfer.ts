import { useCallback, useState } from 'react';
import {
  applyStatusImport,
  exportActionsCsv,
  planStatusImport,
  type CsvFlavor,
  type StatusImportPlan,
} from '../../../../shared/actions';
import type { ActionItem } from '../../../../shared/domain';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import type { ActionCommands } from './useActionCommands';

export interface CsvTransfer {
  exportCsv(items: readonly ActionItem[], flavor: CsvFlavor): Promise<void>;
  /** Picks a CSV and plans the status import; a damaged file shows its error and changes nothing. */
  chooseImport(): Promise<void>;
  plan: StatusImportPlan | null;
  applyPlan(): Promise<void>;
  cancelPlan(): void;
}

interface Options {
  fileStem: string;
  /** The items a CSV row may update (the incident's, or all for the cross-incident view). */
  scope: readonly ActionItem[];
  causeTitle: (id: string) => string | undefined;
  incidentTitle: (id: string) => string | undefined;
  commands: ActionCommands;
}

/** CSV export to Jira/Linear and status import back, with a preview before anything is written. */
export function useCsvTransfer({
  fileStem,
  scope,
  causeTitle,
  incidentTitle,
  commands,
}: Options): CsvTransfer {
  const alert = useAlert();
  const toast = useToast();
  const [plan, setPlan] = useState<StatusImportPlan | null>(null);

  const exportCsv = useCallback(
    async (items: readonly ActionItem[], flavor: CsvFlavor) => {
      const csv = exportActionsCsv(items, { flavor, causeTitle, incidentTitle });
      await platform.saveFile(`${fileStem}-action-items.csv`, csv, 'text/csv');
    },
    [fileStem, causeTitle, incidentTitle],
  );

  const chooseImport = useCallback(async () => {
    const [file] = await platform.openFiles({ accept: ['.csv', 'text/csv'], multiple: false });
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      alert(`Could not read ${file.name}`, err instanceof Error ? err.message : String(err));
      return;
    }
    const result = planStatusImport(text, file.name, scope);
    if (!result.ok) {
      alert('CSV not imported', `${result.error}\n\nNothing was changed.`);
      return;
    }
    setPlan(result.plan);
  }, [alert, scope]);

  const applyPlan = useCallback(async () => {
    if (!plan) return;
    const now = Date.now();
    const after = applyStatusImport(scope, plan, now);
    const ids = new Set(after.map((a) => a.id));
    await commands.replace(
      scope.filter((s) => ids.has(s.id)),
      after,
      `Import statuses from ${plan.fileName}`,
    );
    setPlan(null);
    toast({
      message: `Updated ${after.length} action item${after.length === 1 ? '' : 's'} from ${plan.fileName}.`,
    });
  }, [plan, scope, commands, toast]);

  return { exportCsv, chooseImport, plan, applyPlan, cancelPlan: () => setPlan(null) };
}
