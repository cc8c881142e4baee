import { type DragEvent, useState } from 'react';
import type { CifarFormat } from '../../data/formats.ts';
import { useData } from '../../state/labContext.ts';

/**
 * Where CIFAR comes in: drop or pick the official archive or .bin batches for training (an
 * archive brings its test set too; test_batch.bin / test.bin go to the test set), and separately
 * .bin files for the test set.
 */
export function FilePicker() {
  const loadFiles = useData((s) => s.loadFiles);
  const binFormat = useData((s) => s.binFormat);
  const setBinFormat = useData((s) => s.setBinFormat);
  const busy = useData((s) => s.loading !== null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void loadFiles(files, []);
  };

  return (
    <section
      className={`data-drop${over ? ' over' : ''}`}
      aria-label="Drop CIFAR files here"
      data-testid="data-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="data-drop-title">
        Drop the official archive or .bin batches here, or pick them:
      </p>
      <label className="field">
        <span>Training set (archive, or .bin files)</span>
        <input
          id="data-train-files"
          type="file"
          multiple
          accept=".gz,.tgz,.tar,.bin,.txt"
          disabled={busy}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void loadFiles(files, []);
          }}
        />
      </label>
      <label className="field">
        <span>Test set (.bin files)</span>
        <input
          id="data-test-files"
          type="file"
          multiple
          accept=".gz,.tgz,.tar,.bin,.txt"
          disabled={busy}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void loadFiles([], files);
          }}
        />
      </label>
      <label className="field">
        <span>Format of .bin files</span>
        <select
          id="data-format"
          value={binFormat}
          onChange={(e) => setBinFormat(e.target.value as CifarFormat | 'auto')}
        >
          <option value="auto">by name and size</option>
          <option value="cifar10">CIFAR-10 (3073-byte records)</option>
          <option value="cifar100">CIFAR-100 (3074-byte records)</option>
        </select>
      </label>
    </section>
  );
}
