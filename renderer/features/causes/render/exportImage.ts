/** Width and height of an SVG from its viewBox (mermaid sets one), falling back to its attributes. */
function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  return { width: svg.width.baseVal.value || 800, height: svg.height.baseVal.value || 600 };
}

/** A standalone SVG document for saving: explicit size, XML namespace, white background. */
export function standaloneSvg(svgText: string): { text: string; width: number; height: number } {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement as unknown as SVGSVGElement;
  const { width, height } = svgSize(svg);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('width', String(Math.ceil(width)));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.style.removeProperty('max-width');
  svg.style.setProperty('background', '#ffffff');
  return { text: new XMLSerializer().serializeToString(svg), width, height };
}

/**
 * Rasterises an SVG to PNG at `scale`. The SVG has no foreignObject or external images (mermaid
 * runs with htmlLabels off), so the canvas is not tainted and can be read back.
 */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const { text, width, height } = standaloneSvg(svgText);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The diagram could not be turned into an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(width * scale));
    canvas.height = Math.max(1, Math.ceil(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This system cannot draw images (no 2D canvas).');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
