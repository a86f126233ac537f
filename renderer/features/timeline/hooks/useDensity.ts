import { useEffect, useState } from 'react';
import type { DensitySeries } from '../../../../shared/chart';
import { useToast } from '../../../ui/Toast';
import { loadDensity } from '../model/density';

/** The density strip of an incident's imports; null until loaded (or when it failed: a toast says so). */
export function useDensity(incidentId: string, importsKey: string | null): DensitySeries | null {
  const toast = useToast();
  const [densityOf, setDensityOf] = useState<{ key: string; density: DensitySeries | null } | null>(null);
  useEffect(() => {
    if (!importsKey) return;
    let live = true;
    loadDensity(incidentId, importsKey).then(
      (r) => live && setDensityOf({ key: importsKey, density: r.density }),
      (err: unknown) =>
        live &&
        toast({ message: `Density strip unavailable: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [incidentId, importsKey, toast]);
  return importsKey && densityOf?.key === importsKey ? densityOf.density : null;
}
