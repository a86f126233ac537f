import { useCallback, useMemo } from 'react';
import { getIncident } from '../../../db/repos';
import { exportBundleText, openBundleText } from '../../../db/repos/bundles';
import { platform } from '../../../platform';
import type { PickedFile } from '../../../platform/types';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { bundleFileName, looksLikeBundle } from '../slug';
import { BUNDLE_FILE_SUFFIX } from '../../../../shared/bundle/fileName';

export interface BundleActions {
  /** Saves `<slug>.rootline.json` of the incident with this id. */
  exportBundle(incidentId: string): Promise<void>;
  /** Shows the open dialog, then opens the chosen bundle. */
  chooseAndOpen(): Promise<void>;
  /** Opens picked or dropped files (the first bundle among them). */
  openFiles(files: PickedFile[]): Promise<void>;
  /** Opens bundle text already read (desktop menu / OS file open). */
  openText(text: string, fileName: string): Promise<void>;
}

/** Export and open of `.rootline.json` bundles; `onOpened` navigates to the opened incident. */
export function useBundleActions(onOpened: (incidentId: string) => void): BundleActions {
  const alert = useAlert();
  const toast = useToast();

  const exportBundle = useCallback(
    async (incidentId: string) => {
      try {
        const incident = await getIncident(incidentId);
        if (!incident) throw new Error('The incident no longer exists.');
        const info = await platform.appInfo();
        const text = await exportBundleText(incident.id, { appVersion: info.version });
        const name = bundleFileName(incident.title);
        await platform.saveFile(name, text, 'application/json');
        toast({ message: `Exported ${name}` });
      } catch (err) {
        alert('Could not export the bundle', err instanceof Error ? err.message : String(err));
      }
    },
    [alert, toast],
  );

  const openText = useCallback(
    async (text: string, fileName: string) => {
      try {
        const result = await openBundleText(text, fileName);
        if (!result.ok) {
          alert(`Could not open ${fileName}`, result.error);
          return;
        }
        onOpened(result.incidentId);
        toast({
          message: result.asCopy
            ? 'Opened as a copy because this incident already exists'
            : `Opened ${fileName}`,
        });
        // A repair (an unknown time zone shown as UTC) must not pass unnoticed in a toast.
        if (result.notices.length > 0) {
          alert(`${fileName} was repaired`, `${result.notices.join('; ')}.`);
        }
      } catch (err) {
        alert(`Could not open ${fileName}`, err instanceof Error ? err.message : String(err));
      }
    },
    [alert, toast, onOpened],
  );

  const openFiles = useCallback(
    async (files: PickedFile[]) => {
      const file = files.find((f) => looksLikeBundle(f.name));
      if (!file) {
        const names = files.map((f) => f.name).join(', ');
        alert(
          'Not a Rootline bundle',
          `${names}: a bundle is a ${BUNDLE_FILE_SUFFIX} file exported from Rootline.`,
        );
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        alert(`Could not read ${file.name}`, err instanceof Error ? err.message : String(err));
        return;
      }
      await openText(text, file.name);
    },
    [alert, openText],
  );

  const chooseAndOpen = useCallback(async () => {
    const files = await platform.openFiles({ accept: ['.json', 'application/json'], multiple: false });
    if (files.length > 0) await openFiles(files);
  }, [openFiles]);

  return useMemo(
    () => ({ exportBundle, chooseAndOpen, openFiles, openText }),
    [exportBundle, chooseAndOpen, openFiles, openText],
  );
}
