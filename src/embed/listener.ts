import type { StoreApi } from 'zustand/vanilla';
import type { LabState } from '../state/labState.ts';
import {
  applyCommand,
  type CommandStores,
  isLabMessage,
  PREFIX,
  parseCommand,
} from './commands.ts';

const OUTGOING = ['resize', 'state', 'error'].map((t) => `${PREFIX}${t}`);

export interface ListenOptions extends CommandStores {
  readonly store: StoreApi<LabState>;
  /** Origins whose commands are obeyed; every other origin is ignored. */
  readonly origins: readonly string[];
  /** An element's id: a message with a `target` is for the element with that id only. */
  readonly id?: string | null;
  readonly win?: Window;
  /** Where ignored messages are noted (console.info: an ignored message is not an error). */
  readonly log?: (message: string) => void;
}

/**
 * Obeys lab commands (commands.ts) posted to this window from the allowed origins, and answers
 * the sender with the state (`hypersphere-lab:state`, with the hash) or the reason a command was
 * refused (`hypersphere-lab:error`). Returns a function that stops listening.
 */
export function listenForCommands({
  store,
  train,
  data: dataStore,
  origins,
  id = null,
  win = window,
  log = (m) => console.info(m),
}: ListenOptions): () => void {
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    // Our own outgoing messages (a page that hosts an element may also be the sender).
    if (!isLabMessage(data) || OUTGOING.includes(data.type)) return;
    if (data.target !== undefined && data.target !== id) return;
    if (!origins.includes(event.origin)) {
      log(
        `hypersphere-lab: ignored "${data.type}" from ${event.origin}: not one of the allowed origins (${origins.join(', ') || 'none'}).`,
      );
      return;
    }
    const command = parseCommand(data);
    const outcome =
      'error' in command
        ? { ok: false as const, error: command.error }
        : applyCommand(store, command, { train, data: dataStore });
    const reply = outcome.ok
      ? { type: `${PREFIX}state`, hash: outcome.hash, ...(id ? { target: id } : {}) }
      : { type: `${PREFIX}error`, message: outcome.error, ...(id ? { target: id } : {}) };
    const source = event.source;
    if (source && 'postMessage' in source && !(source instanceof MessagePort)) {
      (source as Window).postMessage(reply, event.origin);
    }
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
