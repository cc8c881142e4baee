import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createLabStores, LabContext, type LabStores } from '../state/labContext.ts';
import { SETTINGS } from '../state/settings.ts';
import { serialiseHash } from '../state/urlHash.ts';
import { applyHash, currentValues, stateHash } from '../state/urlSync.ts';
import { applyCommand, type Outcome } from './commands.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { listenForCommands } from './listener.ts';
import { type EmbedOptions, parseEmbedOptions } from './options.ts';

/**
 * `<hypersphere-lab method="kasarla" classes="4" dim="3" panels="scene,metrics">`: a lab inside
 * any page. Each element has its own stores (and its own workers), so several live side by side.
 * Attributes are read like a link (forgiving: a bad value falls back and says so in a notice);
 * changing one later changes that setting only. See docs/embedding.md.
 */

/** Lower-case attribute -> setting key (SETTINGS in src/state/settings.ts). */
export const SETTING_ATTRIBUTES: Readonly<Record<string, string>> = {
  method: 'method',
  classes: 'N',
  dim: 'n',
  seed: 'seed',
  view: 'view',
  speed: 'speed',
  labels: 'show.labels',
  grid: 'show.grid',
  rays: 'show.rays',
  cells: 'show.cells',
  contacts: 'show.contacts',
};
/**
 * The data subset goes by its link keys: `data.classes="cat,dog"`, `data.train`, `data.test`,
 * `data.seed` (`data-*` is HTML's own). HTML lower-cases attribute names, hence the map.
 */
const LINK_KEY_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  SETTINGS.filter((s) => s.key.startsWith('data.')).map((s) => [s.key.toLowerCase(), s.key]),
);
/** Every attribute that names a setting (lower case) -> its key. */
const KEY_OF_ATTRIBUTE: Readonly<Record<string, string>> = {
  ...SETTING_ATTRIBUTES,
  ...LINK_KEY_ATTRIBUTES,
};
const OPTION_ATTRIBUTES = ['panels', 'hide', 'origins'];
/** Method parameters are read from `opt.<flag>` attributes when the element starts. */
const PARAM_PREFIX = 'opt.';

let instances = 0;

export class HypersphereLabElement extends HTMLElement {
  static observedAttributes = [...Object.keys(KEY_OF_ATTRIBUTE), ...OPTION_ATTRIBUTES];

  #stores: LabStores | null = null;
  #root: Root | null = null;
  #stopListening: () => void = () => {};
  readonly #scope = `lab-${++instances}`;

  /** The lab's state as a link hash (without #). */
  get hash(): string {
    const s = this.#stores;
    return s ? stateHash(s.lab.getState(), s.train.getState().settings, s.data) : '';
  }

  /** The same commands as postMessage (strict): set settings, run, pause. */
  set(settings: Readonly<Record<string, string | number | boolean>>): Outcome {
    return this.#command({ type: 'hypersphere-lab:set', settings });
  }
  run(): Outcome {
    return this.#command({ type: 'hypersphere-lab:run' });
  }
  pause(): Outcome {
    return this.#command({ type: 'hypersphere-lab:pause' });
  }

  #command(command: Parameters<typeof applyCommand>[1]): Outcome {
    const s = this.#stores;
    if (!s) return { ok: false, error: 'the element is not on a page' };
    return applyCommand(s.lab, command, s);
  }

  /** The hash the attributes describe (settings left out take their defaults). */
  #attributeHash(): string {
    const parts: string[] = [];
    for (const [attr, key] of Object.entries(KEY_OF_ATTRIBUTE)) {
      const value = this.getAttribute(attr);
      if (value !== null) parts.push(`${key}=${encodeURIComponent(value)}`);
    }
    for (const { name, value } of Array.from(this.attributes)) {
      if (name.startsWith(PARAM_PREFIX)) parts.push(`${name}=${encodeURIComponent(value)}`);
    }
    return parts.join('&');
  }

  #options(): EmbedOptions {
    const pairs = OPTION_ATTRIBUTES.flatMap((a) => {
      const v = this.getAttribute(a);
      return v === null ? [] : [[a, v] as const];
    });
    return parseEmbedOptions(pairs, true);
  }

  #render(): void {
    const stores = this.#stores;
    if (!stores || !this.#root) return;
    const options = this.#options();
    for (const notice of options.notices)
      console.info(`hypersphere-lab#${this.id || this.#scope}: ${notice}`);
    this.#stopListening();
    this.#stopListening = listenForCommands({
      store: stores.lab,
      train: stores.train,
      data: stores.data,
      origins: options.origins,
      id: this.id || null,
    });
    this.#root.render(
      <StrictMode>
        <LabContext value={stores}>
          <EmbedApp options={options} kind="element" scope={this.#scope} />
        </LabContext>
      </StrictMode>,
    );
  }

  connectedCallback(): void {
    if (this.#root) return;
    const stores = createLabStores();
    // Before the store's first microtask, so the first prototypes are the attributes' ones.
    applyHash(stores.lab, this.#attributeHash(), stores.train, stores.data);
    this.#stores = stores;
    const container = document.createElement('div');
    this.append(container);
    this.#root = createRoot(container);
    this.#render();
  }

  disconnectedCallback(): void {
    // Moving the element in the page disconnects and reconnects it at once: keep it then.
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#stopListening();
      this.#stores?.lab.getState().cancelJob();
      this.#root.unmount();
      this.#root = null;
      this.#stores = null;
      this.replaceChildren();
    });
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    const stores = this.#stores;
    if (!stores || old === value) return;
    const key = KEY_OF_ATTRIBUTE[name];
    if (!key) {
      this.#render();
      return;
    }
    // Only this setting changes; what the user did with the others (training and subset
    // included) stays.
    const { lab: store, train, data } = stores;
    const state = store.getState();
    const values = currentValues(state, train.getState().settings, data);
    if (value === null) delete values[key];
    else values[key] = value;
    const sameMethod = String(values.method) === state.request.method;
    const params = sameMethod ? state.request.params : {};
    // The attribute's text goes through the forgiving reader, so a bad value gets a notice.
    applyHash(store, serialiseHash(values, params), train, data);
  }
}

/** Defines `<hypersphere-lab>` once (a second script defining it again does nothing). */
export function defineHypersphereLab(name = 'hypersphere-lab'): void {
  if (!customElements.get(name)) customElements.define(name, HypersphereLabElement);
}
