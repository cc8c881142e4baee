/**
 * Charts as files. The SVG charts are styled by the page's style sheets, which a saved .svg does
 * not carry: each element's computed presentation styles are written inline, and a background
 * rectangle in the panel's colour keeps light text readable in any viewer.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'display',
  'visibility',
] as const;

/** The first non-transparent background colour at or above `el`. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#0a0e17';
}

/** A standalone SVG document of a chart, looking as it does on the page. */
export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
    to[i].removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.clientWidth;
  const height = box && box.height > 0 ? box.height : svg.clientHeight;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(box?.x ?? 0));
  bg.setAttribute('y', String(box?.y ?? 0));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', backgroundOf(svg));
  clone.insertBefore(bg, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the image could not be made'))),
      'image/png',
    ),
  );
}

/** A chart SVG drawn to a PNG at `scale` times its own size. */
export async function svgPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const markup = svgMarkup(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the image');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas);
}

/**
 * A raster chart (the Gram heatmap: one pixel per cell) as a PNG, enlarged with sharp edges to
 * at least `minSide` pixels, so a 4 x 4 matrix does not come out as 16 pixels.
 */
export function canvasPng(source: HTMLCanvasElement, minSide = 512): Promise<Blob> {
  const factor = Math.max(1, Math.ceil(minSide / Math.max(1, source.width, source.height)));
  const canvas = document.createElement('canvas');
  canvas.width = source.width * factor;
  canvas.height = source.height * factor;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser cannot draw the image'));
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas);
}
