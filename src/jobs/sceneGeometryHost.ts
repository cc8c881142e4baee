import { cellBorders } from '../core/geometry/cellBorders.ts';
import { contactPairs } from '../core/geometry/contacts.ts';
import type {
  FromGeometry,
  GeometryAnswer,
  GeometryRequest,
  ToGeometry,
} from './sceneGeometryProtocol.ts';

/** Computes one overlay (pure: the worker and the in-process fallback both call this). */
export function computeGeometry(request: GeometryRequest): GeometryAnswer {
  const dim = request.kind === 'cells' ? 3 : request.n;
  if (request.data.length !== request.N * dim) {
    throw new RangeError(
      `the prototypes hold ${request.data.length} numbers, but ${request.N} prototypes of dimension ${dim} need ${request.N * dim}`,
    );
  }
  if (request.kind === 'cells') {
    return {
      kind: 'cells',
      borders: cellBorders(request.data, request.N, request.inset, request.lift),
    };
  }
  const { data, N, n, toleranceDeg, maxEdges } = request;
  return {
    kind: 'contacts',
    pairs: N >= 2 ? contactPairs(data, N, n, toleranceDeg, maxEdges) : null,
  };
}

/** The buffers an answer can hand over without copying. */
export function transferablesOf(answer: GeometryAnswer): Transferable[] {
  return answer.kind === 'cells'
    ? [answer.borders.positions.buffer, answer.borders.owners.buffer]
    : [];
}

/** Answers one message; errors become a message, never an exception in the worker. */
export function handleGeometry(message: ToGeometry): {
  reply: FromGeometry;
  transfer: Transferable[];
} {
  try {
    const answer = computeGeometry(message.request);
    return { reply: { id: message.id, type: 'done', answer }, transfer: transferablesOf(answer) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { reply: { id: message.id, type: 'error', message: text }, transfer: [] };
  }
}
