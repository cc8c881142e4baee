import { type DragEvent, useState } from 'react';
import type { ParseResult } from '../../jobs/analysisProtocol.ts';
import { useLabStore } from '../../state/labContext.ts';
import { showLoadedPrototypes } from '../../state/loadedFile.ts';
import { analysisClient } from './clients.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'loaded'; name: string; N: number; n: number; format: string; renormalised: boolean }
  | { kind: 'error'; message: string };

/**
 * Load one's own prototypes (.npy, .csv or .json as the command-line tool writes them): read
 * and measured in a worker, so a large file does not freeze the page. On success they become
 * the prototypes on screen; on failure a message names the file and nothing else changes.
 */
export function FileLoader() {
  const store = useLabStore();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  async function load(file: File) {
    setStatus({ kind: 'reading', name: file.name });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      setStatus({
        kind: 'error',
        message: `${file.name}: cannot read the file (${(e as Error).message})`,
      });
      return;
    }
    analysisClient('file').run<ParseResult>(
      { kind: 'parse', name: file.name, bytes },
      {
        onDone(result) {
          showLoadedPrototypes(result, store);
          setStatus({
            kind: 'loaded',
            name: result.name,
            N: result.N,
            n: result.n,
            format: result.format,
            renormalised: result.renormalised,
          });
        },
        onError(message) {
          setStatus({ kind: 'error', message: `${file.name}: ${message}` });
        },
      },
    );
  }

  function onDrop(e: DragEvent<HTMLLabelElement>) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void load(file);
  }

  return (
    <section className="card file-loader" aria-labelledby="file-title">
      <h2 id="file-title">Your prototypes</h2>
      <label
        className={`drop-zone ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <input
          type="file"
          accept=".npy,.csv,.json,.txt"
          data-testid="prototype-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void load(file);
            e.currentTarget.value = '';
          }}
        />
        <span>
          Drop a <code>.npy</code>, <code>.csv</code> or <code>.json</code> file here, or{' '}
          <u>choose one</u>
        </span>
      </label>
      {status.kind === 'reading' && <p className="hint">Reading {status.name}…</p>}
      {status.kind === 'loaded' && (
        <p className="file-ok" data-testid="file-status">
          Showing {status.name}: {status.N} prototypes in <var>n</var> = {status.n} ({status.format}
          ){status.renormalised ? '; rows were scaled to unit length' : ''}.
        </p>
      )}
      {status.kind === 'error' && (
        <p className="error" role="alert" data-testid="file-error">
          {status.message}
        </p>
      )}
      <p className="hint">
        One prototype per row: the files this lab's Export card and its command line write.
      </p>
    </section>
  );
}
