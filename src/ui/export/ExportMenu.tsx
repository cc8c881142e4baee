import { type ChangeEvent, useState } from 'react';
import type { NpyWriteDtype } from '../../core/io/npy.ts';
import type { PrototypeFormat } from '../../core/io/prototypeFile.ts';
import { copyText, download } from '../../scene/download.ts';
import { useEmbed } from '../../scene/embedInfo.ts';
import { bookmarkText, makeBookmark, readBookmark } from '../../state/bookmark.ts';
import { useLab, useLabStores } from '../../state/labContext.ts';
import { currentValues, stateHash } from '../../state/urlSync.ts';
import { DEFAULT_PANELS, embedCode, PANEL_IDS } from './embedCode.ts';
import { applyBookmark } from './loadBookmark.ts';
import { fileStem, prototypeFile } from './prototypeFiles.ts';
import './export.css';

type Message = { readonly kind: 'ok' | 'error'; readonly text: string };

/**
 * The lab's address without query or hash. An element on another page has no address of its
 * own: the lab is taken to sit in that page's folder (as the demo page does).
 */
function appUrl(kind: string): string {
  return kind === 'element'
    ? new URL('./', document.baseURI).href
    : `${location.origin}${location.pathname}`;
}

/**
 * Export and share: the prototypes in the command line's formats, the state as a link or as a
 * JSON bookmark (and loading one back), and the iframe code that embeds the lab as it is.
 */
export function ExportMenu() {
  // This lab's stores (an element has its own): the training settings and the subset are part
  // of the link too.
  const stores = useLabStores();
  const { lab: store, train, data: dataStore } = stores;
  const current = useLab((s) => s.current);
  const embed = useEmbed();
  const [dtype, setDtype] = useState<NpyWriteDtype>('float32');
  const [panels, setPanels] = useState<readonly string[]>(DEFAULT_PANELS);
  const [shared, setShared] = useState<{ label: string; text: string } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const savePrototypes = (format: PrototypeFormat) => {
    if (!current) return;
    const file = prototypeFile(current, format, dtype);
    download(file.data, file.name, file.type);
    setMessage({ kind: 'ok', text: `Saved ${file.name}.` });
  };

  const share = async (label: string, text: string) => {
    setShared({ label, text });
    const copied = await copyText(text);
    setMessage(
      copied
        ? { kind: 'ok', text: `${label} copied to the clipboard.` }
        : { kind: 'ok', text: `${label} below: select it and copy.` },
    );
  };

  const saveBookmark = () => {
    // Every setting: the training settings and the subset live in stores of their own.
    const state = store.getState();
    const values = currentValues(state, train.getState().settings, dataStore);
    const bookmark = makeBookmark(state, new Date(), values);
    const stem = current ? fileStem(current) : 'lab';
    download(bookmarkText(bookmark), `hypersphere-lab-${stem}.bookmark.json`, 'application/json');
    setMessage({ kind: 'ok', text: 'Saved the bookmark.' });
  };

  const loadBookmark = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setMessage({
        kind: 'error',
        text: `${file.name}: cannot read the file (${(err as Error).message}).`,
      });
      return;
    }
    const read = readBookmark(text);
    if (!read.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${read.error}` });
      return;
    }
    applyBookmark(stores, read.bookmark, read.hash);
    setMessage({ kind: 'ok', text: `Loaded the bookmark ${file.name}.` });
  };

  const togglePanel = (id: string) =>
    setPanels((ps) =>
      ps.includes(id)
        ? ps.filter((p) => p !== id)
        : PANEL_IDS.filter((p) => p === id || ps.includes(p)),
    );

  const hash = () => stateHash(store.getState(), train.getState().settings, dataStore);
  return (
    <section className="card export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">Export and share</h2>
      <div className="export-row">
        <span className="export-label">Prototypes</span>
        {(['npy', 'json', 'csv'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className="small"
            disabled={!current}
            data-testid={`export-${f}`}
            onClick={() => savePrototypes(f)}
          >
            .{f}
          </button>
        ))}
        <select
          aria-label=".npy number type"
          value={dtype}
          data-testid="export-dtype"
          onChange={(e) => setDtype(e.target.value as NpyWriteDtype)}
        >
          <option value="float32">float32</option>
          <option value="float64">float64</option>
        </select>
      </div>
      <div className="export-row">
        <span className="export-label">State</span>
        <button
          type="button"
          className="small"
          data-testid="copy-link"
          onClick={() => share('The link', `${appUrl(embed.kind)}#${hash()}`)}
        >
          copy link
        </button>
        <button type="button" className="small" data-testid="save-bookmark" onClick={saveBookmark}>
          save bookmark
        </button>
        <label className="small file-button">
          load bookmark
          <input
            type="file"
            accept=".json,application/json"
            data-testid="bookmark-file"
            onChange={loadBookmark}
          />
        </label>
      </div>
      {!embed.embedded && (
        <fieldset className="export-row embed-panels">
          <legend className="export-label">Embed</legend>
          {PANEL_IDS.map((id) => (
            <button
              key={id}
              type="button"
              className={`chip ${panels.includes(id) ? 'on' : ''}`}
              aria-pressed={panels.includes(id)}
              onClick={() => togglePanel(id)}
            >
              {id}
            </button>
          ))}
          <button
            type="button"
            className="small"
            data-testid="copy-embed"
            disabled={panels.length === 0}
            onClick={() =>
              share('The embed code', embedCode(appUrl(embed.kind), hash(), { panels }))
            }
          >
            copy embed code
          </button>
        </fieldset>
      )}
      {shared && (
        <textarea
          className="export-text"
          readOnly
          rows={3}
          aria-label={shared.label}
          data-testid="shared-text"
          value={shared.text}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'hint'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="export-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
