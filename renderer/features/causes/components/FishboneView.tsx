import { useMemo } from 'react';
import { fishboneSvg, layoutFishbone } from '../../../../shared/causes';
import { hash64, type CauseNode } from '../../../../shared/domain';
import { DiagramCanvas } from './DiagramCanvas';

/**
 * The fishbone view: Rootline's own layout (shared/causes/fishboneLayout.ts) as SVG, drawn in
 * the app's theme; Export SVG/PNG save the same drawing on paper. Clicking a cause opens it in
 * the outline.
 */
export function FishboneView({
  nodes,
  categories,
  fileName,
  onSelect,
}: {
  nodes: readonly CauseNode[];
  categories: readonly string[];
  fileName: string;
  onSelect: (causeId: string) => void;
}) {
  const drawing = useMemo(() => {
    const layout = layoutFishbone(nodes, categories);
    const head = layout.labels[0]?.text ?? 'Incident';
    const svg = fishboneSvg(layout, `Fishbone diagram: ${head}`);
    return { svg, hash: hash64(svg), empty: layout.labels.length === 1 };
  }, [nodes, categories]);
  return (
    <DiagramCanvas
      drawing={drawing}
      fileName={fileName}
      label="Fishbone diagram"
      onNodeClick={onSelect}
      note={drawing.empty ? 'No causes yet: add causes in the outline and give them a category.' : undefined}
    />
  );
}
