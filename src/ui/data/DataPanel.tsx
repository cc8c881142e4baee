import { useEffect } from 'react';
import { countOf } from '../../data/dataset.ts';
import { FORMATS } from '../../data/formats.ts';
import { useData, useDataStore } from '../../state/labContext.ts';
import { ClassCounts } from './ClassCounts.tsx';
import { FilePicker } from './FilePicker.tsx';
import { formatBytes, formatMs } from './formatBytes.ts';
import { LoadProgress } from './LoadProgress.tsx';
import { PreviewGrid } from './PreviewGrid.tsx';
import { SubsetControls } from './SubsetControls.tsx';
import './data.css';

/** The app's base URL, absolute (the worker resolves data/manifest.json against it). */
function baseUrl(): string {
  return new URL(import.meta.env.BASE_URL, window.location.href).href;
}

/** CIFAR data: what is loaded, how to load more, the subset, its counts and a preview. */
export function DataPanel() {
  const dataset = useData((s) => s.dataset);
  const origin = useData((s) => s.origin);
  const defaultSubset = useData((s) => s.defaultSubset);
  const loadError = useData((s) => s.loadError);
  const loadNote = useData((s) => s.loadNote);
  const loadMs = useData((s) => s.loadMs);
  const memoryBytes = useData((s) => s.memoryBytes);
  const subset = useData((s) => s.subset);

  const store = useDataStore();
  useEffect(() => {
    void store.getState().loadDefault(baseUrl());
  }, [store]);

  return (
    <section className="card data-panel" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      {dataset ? (
        <p className="data-status" data-testid="data-status" data-loaded="true">
          <strong>{FORMATS[dataset.format].title}</strong>:{' '}
          {countOf(dataset.train).toLocaleString('en-US')} training and{' '}
          {countOf(dataset.test).toLocaleString('en-US')} test images, from{' '}
          {origin === 'default' ? 'the stored subset (public/data/)' : dataset.sources.join(', ')}
        </p>
      ) : (
        <div data-testid="data-status" data-loaded="false">
          <p className="data-status">No data loaded.</p>
          {defaultSubset !== 'loading' && (
            <div className="hint" data-testid="data-howto">
              <p>
                Pick or drop the official <code>cifar-10-binary.tar.gz</code> or{' '}
                <code>cifar-100-binary.tar.gz</code> (or its <code>.bin</code> files) below.
                Everything else works without data.
              </p>
              <details>
                <summary>For whoever hosts this lab</summary>
                <code>npm run data</code> downloads CIFAR-10 and stores a subset in{' '}
                <code>public/data/</code>, loaded here at start.
              </details>
            </div>
          )}
        </div>
      )}
      <LoadProgress />
      {loadError && (
        <p className="error" role="alert" data-testid="data-error">
          {loadError}
        </p>
      )}
      {loadNote && (
        <p className="hint" data-testid="data-note">
          {loadNote}
        </p>
      )}
      <FilePicker />
      {dataset && (
        <>
          <SubsetControls />
          {subset && (
            <p className="data-summary" data-testid="subset-summary">
              Subset: {subset.classNames.length} classes,{' '}
              {subset.train.count.toLocaleString('en-US')} training and{' '}
              {subset.test.count.toLocaleString('en-US')} test images
            </p>
          )}
          <ClassCounts />
          <PreviewGrid />
          <p className="hint data-memory">
            <span data-testid="data-memory">Memory: {formatBytes(memoryBytes)}</span>
            {loadMs !== null && (
              <span data-testid="data-load-time"> · loaded in {formatMs(loadMs)}</span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
