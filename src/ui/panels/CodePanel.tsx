import { useMemo } from 'react';
import { bitString, hammingWindow } from '../../core/analysis/hamming.ts';
import { detectSignCode } from '../../core/metrics/exact.ts';
import { fixed } from '../../scene/format.ts';
import type { PrototypeResult } from '../../state/prototypes.ts';

const ROWS = 8;
const WINDOW = 6;

/**
 * Code-based prototypes: the binary code behind them, the first codewords as bit strings and the
 * Hamming distances among the first few, with the exact cosines 1 - 2d/L they give.
 */
export function CodePanel({ current }: { current: PrototypeResult }) {
  const code = current.code;
  // The words are read back from the prototypes (each row is +-1/sqrt(L) on L coordinates).
  const words = useMemo(() => (code ? detectSignCode(current.codebook) : null), [code, current]);
  const window = useMemo(() => (words ? hammingWindow(words, WINDOW) : null), [words]);
  if (!code) return null;
  return (
    <div className="code-panel" data-testid="code-panel">
      <p>
        <strong data-testid="code-name">{code.name}</strong>: a binary [{code.n}, {code.k}, {code.d}
        ] code (length, dimension, minimum distance of the chosen words), designed distance{' '}
        {code.designedDistance}
        {code.minimumDistance !== null ? `, true minimum distance ${code.minimumDistance}` : ''}.
        Word b becomes the prototype (1 − 2b)/√L, so two words at Hamming distance d have cosine
        exactly 1 − 2d/{code.n}.
      </p>
      {words && window ? (
        <>
          <ol className="codewords" start={0}>
            {Array.from({ length: Math.min(ROWS, words.count) }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are class indices
              <li key={i}>
                <span className="cls">{i}</span>
                <code>{bitString(words, i, 64)}</code>
              </li>
            ))}
          </ol>
          <table className="hamming">
            <caption>
              Hamming distance d (cosine 1 − 2d/L) among classes 0–{window.distances.length - 1}
            </caption>
            <thead>
              <tr>
                <th />
                {window.distances.map((_, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are class indices
                  <th key={j} scope="col">
                    {j}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {window.distances.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are class indices
                <tr key={i}>
                  <th scope="row">{i}</th>
                  {row.map((d, j) =>
                    i === j ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are class indices
                      <td key={j} className="diag">
                        –
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are class indices
                      <td key={j} className={d === code.d ? 'closest' : ''}>
                        {d}
                        <small>{fixed(window.cosines[i][j], 3)}</small>
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="hint">The codewords could not be read back from these prototypes.</p>
      )}
    </div>
  );
}
