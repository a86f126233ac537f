import type { MermaidConfig } from 'mermaid';

/**
 * How the app draws mermaid diagrams: strict security, no HTML labels (PNG export needs plain
 * SVG). Edges are `stepBefore`: mermaid ends each edge with a bend in the gap between two rows,
 * and a straight line to that bend left a tall box diagonally, through a shorter neighbour;
 * going down first and across only in the gap keeps every edge out of other boxes.
 */
export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false, curve: 'stepBefore', nodeSpacing: 28, rankSpacing: 36, useMaxWidth: false },
  theme: 'neutral',
  maxTextSize: 200_000,
  maxEdges: 2_000,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
};
