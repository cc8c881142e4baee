import { useRef } from 'react';
import { imagePixels } from '../../data/dataset.ts';
import { takeInTurn } from '../../data/takeInTurn.ts';
import { useTrain, useTrainStore } from '../../state/labContext.ts';
import { CifarImage } from '../data/CifarImage.tsx';
import { useLiveDraw } from './useLive.ts';

const COUNT = 12;

/** Test images to show: the first of each class in turn (the same ones every run). */
export function exampleIndices(labels: Uint8Array, classCount: number, max = COUNT): number[] {
  return takeInTurn(labels, classCount, max);
}

/**
 * Example predictions: test images drawn from their pixels, each with its true class and the
 * class of its nearest prototype. The captions follow training without a React render.
 */
export function Examples() {
  const train = useTrainStore();
  const run = useTrain((s) => s.run);
  const list = useRef<HTMLDivElement>(null);
  const indices = run ? exampleIndices(run.input.test.labels, run.classNames.length) : [];
  useLiveDraw((live) => {
    const root = list.current;
    const names = train.getState().run?.classNames;
    if (!root || !names) return;
    const assignment = train.getState().run?.input.assignment;
    for (const el of root.querySelectorAll<HTMLElement>('[data-index]')) {
      const i = Number(el.dataset.index);
      const caption = el.querySelector('.train-pred');
      if (!caption) continue;
      const p = live.predictions?.[i];
      if (p === undefined) {
        caption.textContent = 'not yet predicted';
        el.dataset.state = 'none';
        continue;
      }
      const prototype = assignment ? assignment[p] : p;
      caption.textContent = `→ ${names[p]} (prototype ${prototype})`;
      el.dataset.state = p === Number(el.dataset.label) ? 'right' : 'wrong';
    }
  });
  if (!run) return null;
  return (
    <div className="train-examples" data-testid="train-examples" ref={list}>
      {indices.map((i) => {
        const label = run.input.test.labels[i];
        return (
          <figure key={i} data-index={i} data-label={label} data-state="none">
            <CifarImage pixels={imagePixels(run.input.test.pixels, i)} />
            <figcaption>
              <span className="train-true">{run.classNames[label]}</span>
              <span className="train-pred">not yet predicted</span>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
