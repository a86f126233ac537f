import type { MermaidConfig } from 'mermaid';
import { CAUSE_DIAGRAM_CURVE } from '../../../../shared/causes/mermaid';

/**
 * How the app draws mermaid diagrams: strict security, no HTML labels (PNG export needs plain
 * SVG), edges drawn as CAUSE_DIAGRAM_CURVE says (never through another box).
 */
export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: {
    htmlLabels: false,
    curve: CAUSE_DIAGRAM_CURVE,
    nodeSpacing: 28,
    rankSpacing: 36,
    useMaxWidth: false,
  },
  theme: 'neutral',
  maxTextSize: 200_000,
  maxEdges: 2_000,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
};
