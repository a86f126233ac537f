import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { Incident } from '../../../../shared/domain';
import { AUDIENCES, defaultUtcOnly, type Audience } from '../../../../shared/export';
import { findTemplate } from '../../../../shared/templates';
import { getPref, setPref } from '../../../db/repos';
import { useTemplates } from '../../templates';

/** The pref key of an incident's export settings (one per incident, read by every export). */
export const exportSettingsKey = (incidentId: string): string => `export-settings:${incidentId}`;

export interface ExportSettings {
  audience: Audience;
  /** Every time in UTC only (as Azure publishes); on by default for customers. */
  utcOnly: boolean;
}

/** Settings read back from storage, checked like any input; what is off falls back to defaults. */
export function restoreExportSettings(raw: unknown, fallbackAudience: Audience): ExportSettings {
  const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const audience = AUDIENCES.find((a) => a === o.audience) ?? fallbackAudience;
  const utcOnly = typeof o.utcOnly === 'boolean' ? o.utcOnly : defaultUtcOnly(audience);
  return { audience, utcOnly };
}

/**
 * One audience (and UTC-only choice) per incident, shared by the Document tab and the Export…
 * dialog, so the two never disagree about who a document is for. Until someone picks one it
 * is the audience of the incident's template (internal when it has none), here and only here.
 */
export function useExportSettings(
  incident: Pick<Incident, 'id' | 'templateId'>,
): ExportSettings & { setAudience(a: Audience): void; setUtcOnly(on: boolean): void } {
  const { templates } = useTemplates();
  const fallbackAudience = findTemplate(templates, incident.templateId)?.audience ?? 'internal';
  const key = exportSettingsKey(incident.id);
  const raw = useLiveQuery(() => getPref<unknown>(key, null), [key]);
  const settings = restoreExportSettings(raw, fallbackAudience);
  const setAudience = useCallback(
    // Changing the audience takes that audience's UTC default.
    (audience: Audience) => void setPref(key, { audience, utcOnly: defaultUtcOnly(audience) }),
    [key],
  );
  const { audience } = settings;
  const setUtcOnly = useCallback(
    (utcOnly: boolean) => void setPref(key, { audience, utcOnly }),
    [key, audience],
  );
  return { ...settings, setAudience, setUtcOnly };
}
