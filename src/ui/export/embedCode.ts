/**
 * The iframe snippet that embeds the lab as it is now: `?embed` with the chosen panels, the
 * state in the hash. Pure text, so it is easy to test and to document.
 */

/**
 * The parts of the lab an embed can show (embed/EmbedApp.tsx draws them; `panels=` names them),
 * in the order the page shows them by default.
 */
export const PANEL_IDS = [
  'scene',
  'views',
  'metrics',
  'controls',
  'run',
  'file',
  'data',
  'analysis',
  'export',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** What an embed shows when `panels` is not given. */
export const DEFAULT_PANELS: readonly PanelId[] = ['scene', 'metrics'];

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export interface EmbedCodeOptions {
  readonly panels: readonly string[];
  /** Initial height in pixels; the embed reports its real height by postMessage. */
  readonly height?: number;
}

/** The embed address: the app's URL, the embed flags in the query, the state in the hash. */
export function embedUrl(appUrl: string, hash: string, panels: readonly string[]): string {
  const base = appUrl.replace(/[?#].*$/, '');
  return `${base}?embed&panels=${panels.map(encodeURIComponent).join(',')}#${hash}`;
}

export function embedCode(appUrl: string, hash: string, options: EmbedCodeOptions): string {
  const src = embedUrl(appUrl, hash, options.panels);
  const height = options.height ?? 640;
  return `<iframe src="${attr(src)}" title="Hypersphere Lab" width="100%" height="${height}" style="border: 0" loading="lazy"></iframe>`;
}
