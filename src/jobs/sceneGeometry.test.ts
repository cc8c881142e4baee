import { describe, expect, it } from 'vitest';
import { cellBorders } from '../core/geometry/cellBorders.ts';
import { contactPairs } from '../core/geometry/contacts.ts';
import { createGeometryClient, type GeometryWorkerLike } from './sceneGeometryClient.ts';
import { handleGeometry } from './sceneGeometryHost.ts';
import type { FromGeometry, GeometryAnswer, ToGeometry } from './sceneGeometryProtocol.ts';

/** The octahedron: 6 cells, each a spherical square; 12 nearest pairs at 90 degrees. */
const octahedron = Float64Array.from([1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1]);

describe('cell borders', () => {
  it('gives the octahedron 6 square cells whose border points lie on the lifted sphere', () => {
    const b = cellBorders(octahedron, 6, 0, 1.5);
    expect(b.cells).toBe(6);
    expect(b.positions.length).toBe(b.owners.length * 3);
    for (let v = 0; v < b.owners.length; v++) {
      const [x, y, z] = b.positions.subarray(v * 3, v * 3 + 3);
      expect(Math.hypot(x, y, z)).toBeCloseTo(1.5, 5);
    }
    // Without inset, every border point of cell i is equidistant from prototype i and a neighbour:
    // at 45 degrees or more from its own prototype (the square's edge midpoints are at 45).
    for (let v = 0; v < b.owners.length; v++) {
      const i = b.owners[v];
      const p = octahedron.subarray(i * 3, i * 3 + 3);
      const q = b.positions.subarray(v * 3, v * 3 + 3);
      const cos = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]) / 1.5;
      expect(cos).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-6);
    }
    // Each of the 6 cells owns the same number of border points (the solid is regular).
    const per = new Map<number, number>();
    for (const o of b.owners) per.set(o, (per.get(o) ?? 0) + 1);
    expect(new Set(per.values()).size).toBe(1);
  });
});

describe('scene-geometry worker messages', () => {
  it('answers contacts exactly like the core, and reports bad input as a message', () => {
    const { reply } = handleGeometry({
      id: 3,
      request: { kind: 'contacts', data: octahedron, N: 6, n: 3, toleranceDeg: 1, maxEdges: 100 },
    });
    expect(reply).toEqual({
      id: 3,
      type: 'done',
      answer: { kind: 'contacts', pairs: contactPairs(octahedron, 6, 3, 1, 100) },
    });
    if (reply.type === 'done' && reply.answer.kind === 'contacts')
      expect(reply.answer.pairs?.count).toBe(12);
    const bad = handleGeometry({
      id: 4,
      request: { kind: 'cells', data: new Float64Array(3), N: 2, inset: 0, lift: 1 },
    });
    expect(bad.reply.type).toBe('error');
  });
});

/** A worker that answers only when told to, so tests control the order of events. */
function manualWorker() {
  const posted: ToGeometry[] = [];
  const worker: GeometryWorkerLike = {
    postMessage: (m) => posted.push(m),
    terminate: () => {},
    onmessage: null,
    onerror: null,
  };
  const answer = () => {
    const m = posted.shift();
    if (!m) throw new Error('nothing to answer');
    const { reply } = handleGeometry(m);
    worker.onmessage?.({ data: reply } as MessageEvent<FromGeometry>);
  };
  return { worker, posted, answer };
}

describe('scene-geometry client', () => {
  const contacts = (N: number) => ({
    kind: 'contacts' as const,
    data: octahedron.slice(0, N * 3),
    N,
    n: 3,
    toleranceDeg: 1,
    maxEdges: 100,
  });

  it('computes one job at a time and keeps only the newest waiting request of a slot', () => {
    const w = manualWorker();
    const client = createGeometryClient(() => w.worker);
    const got: number[] = [];
    const record = (a: GeometryAnswer) => {
      if (a.kind === 'contacts') got.push(a.pairs?.count ?? -1);
    };
    client.request('view', contacts(2), record);
    client.request('view', contacts(3), record); // replaced by the next one while 2 computes
    client.request('view', contacts(6), record);
    expect(w.posted.length).toBe(1);
    w.answer();
    expect(w.posted.map((m) => m.request.kind === 'contacts' && m.request.N)).toEqual([6]);
    w.answer();
    // N = 2: one pair; N = 6: the octahedron's 12 edges. N = 3 was never computed.
    expect(got).toEqual([1, 12]);
    expect(client.busy).toBe(false);
  });

  it('tells a crashed worker to the waiting view and starts a fresh worker next time', () => {
    const made: ReturnType<typeof manualWorker>[] = [];
    const client = createGeometryClient(() => {
      const w = manualWorker();
      made.push(w);
      return w.worker;
    });
    const errors: string[] = [];
    client.request(
      'view',
      contacts(6),
      () => {},
      (m) => errors.push(m),
    );
    made[0].worker.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(errors).toEqual(['the geometry worker stopped (out of memory)']);
    let count = 0;
    client.request('view', contacts(6), (a) => {
      if (a.kind === 'contacts') count = a.pairs?.count ?? 0;
    });
    expect(made.length).toBe(2);
    made[1].answer();
    expect(count).toBe(12);
  });

  it('runs in-process where there is no worker', async () => {
    const client = createGeometryClient(null);
    const answer = await new Promise<GeometryAnswer>((resolve) =>
      client.request('v', contacts(6), resolve),
    );
    expect(answer.kind === 'contacts' && answer.pairs?.count).toBe(12);
  });
});
