import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDebugHook } from '../state/debugHook.ts';
import { LabContext, type LabStores } from '../state/labContext.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { listenForCommands } from './listener.ts';
import { addressPairs, type EmbedOptions, isEmbedKey, parseEmbedOptions } from './options.ts';
import { reportHeight } from './resize.ts';

/** The embed flags of this page's address (query first, then hash). */
export function embedOptionsFromLocation(loc: Location = window.location): EmbedOptions {
  return parseEmbedOptions([...addressPairs(loc.search), ...addressPairs(loc.hash)]);
}

/**
 * Moves embed flags written in the hash (`#embed&method=lse`) into the query, because the hash
 * is rewritten from the state on every change and would lose them on the next reload.
 */
function moveFlagsToQuery(win: Window): void {
  const pairs = addressPairs(win.location.hash);
  const flags = pairs.filter(([k]) => isEmbedKey(k));
  if (flags.length === 0) return;
  const query = new URLSearchParams(win.location.search);
  for (const [k, v] of flags) query.append(k, v);
  const hash = pairs
    .filter(([k]) => !isEmbedKey(k))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  win.history.replaceState(win.history.state, '', `${win.location.pathname}?${query}#${hash}`);
}

/**
 * The `?embed` page (meant for an iframe): the state still lives in the hash, only the chosen
 * panels show, the height goes to the parent, and commands from the allowed origins are obeyed.
 */
export function startEmbedPage(root: HTMLElement, options: EmbedOptions, stores: LabStores): void {
  const { lab: store, train, data } = stores;
  moveFlagsToQuery(window);
  document.documentElement.dataset.embed = 'iframe';
  startUrlSync(store, window, train, data);
  installDebugHook(stores, window);
  for (const notice of options.notices) console.info(`hypersphere-lab: ${notice}`);
  listenForCommands({ store, train, data, origins: options.origins });
  createRoot(root).render(
    <StrictMode>
      <LabContext value={stores}>
        <EmbedApp options={options} kind="iframe" scope="page" />
      </LabContext>
    </StrictMode>,
  );
  reportHeight(root);
}
