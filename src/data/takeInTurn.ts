/**
 * Up to `max` image indices taken in turn from each class (the first image of every class, then
 * the second, ...), so a small grid of examples shows every class. Always the same images.
 */
export function takeInTurn(labels: Uint8Array, classCount: number, max: number): number[] {
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  const per = Math.max(1, Math.ceil(max / classCount));
  labels.forEach((label, i) => {
    if (byClass[label].length < per) byClass[label].push(i);
  });
  const out: number[] = [];
  for (let round = 0; round < per && out.length < max; round++) {
    for (const list of byClass) {
      if (round < list.length && out.length < max) out.push(list[round]);
    }
  }
  return out;
}
