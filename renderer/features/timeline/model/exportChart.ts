import { platform } from '../../../platform';

/** Saves the chart's SVG text as a file. */
export async function exportChartSvg(svg: string, name: string): Promise<void> {
  await platform.saveFile(`${name}.svg`, svg, 'image/svg+xml');
}

/** Draws the chart's SVG onto a canvas at 2× and saves it as PNG. */
export async function exportChartPng(svg: string, name: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.width * 2;
    canvas.height = img.height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This system cannot draw images (no 2D canvas).');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
    await platform.saveFile(`${name}.png`, blob, 'image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
