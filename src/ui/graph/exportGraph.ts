// Exports the graph at the cursor for slides: an SVG drawn from the graph's model (graphSvg.ts),
// and a PNG rasterised from that SVG at 2× through a canvas.
import { drawGraph, type FlowModel } from './graphDrawing.ts';
import { graphSvg, PALETTE_VARS, type Palette } from './graphSvg.ts';

/** The palette as the page shows it now (light or dark), from styles.css's custom properties. */
function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  return Object.fromEntries(Object.entries(PALETTE_VARS).map(([key, name]) => [key, css.getPropertyValue(name).trim()])) as Palette;
}

async function rasterise(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportGraph(kind: 'svg' | 'png', fileName: string, flow: FlowModel): Promise<void> {
  const { svg, width, height } = graphSvg(drawGraph(flow), readPalette());
  const blob = kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await rasterise(svg, width, height, 2);
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: `${fileName}.${kind}` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
