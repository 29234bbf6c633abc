// Exports the graph as it looks at the cursor, as SVG or PNG, for slides (html-to-image).
import { toPng, toSvg } from 'html-to-image';

const skip = (node: HTMLElement) => !node.classList?.contains('react-flow__minimap') && !node.classList?.contains('react-flow__controls');

export async function exportGraph(kind: 'svg' | 'png', fileName: string): Promise<void> {
  const element = document.querySelector<HTMLElement>('.react-flow');
  if (!element) return;
  const background = getComputedStyle(document.body).backgroundColor;
  const options = { filter: skip, backgroundColor: background, pixelRatio: 2 };
  const url = kind === 'svg' ? await toSvg(element, options) : await toPng(element, options);
  const link = Object.assign(document.createElement('a'), { href: url, download: `${fileName}.${kind}` });
  link.click();
}
