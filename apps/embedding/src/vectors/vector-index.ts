// Exact nearest-neighbour search over int8 vectors held in memory: the local stand-in for
// Vectorize, which has no local simulation. 8,858 foods x 768 dimensions is 6.8 MB as int8.
//
// Stored dimension-major (all foods' component d, then d + 1, ...) so a query walks each of its
// non-zero components once across every food. For a dense query that is the same work as the
// row-major dot products; for a sparse one (the local embedder's hashed features touch about a
// hundred of 768 buckets) it skips most of it.
import type { QuantisedVectors } from "./codec.ts";

export interface VectorMatch {
  id: number;
  /** Cosine similarity, for unit-length vectors. */
  similarity: number;
}

/** Where vector neighbours come from: the in-memory index locally, Vectorize in production. */
export interface VectorSearch {
  readonly kind: "memory" | "vectorize";
  query(vector: ArrayLike<number>, topK: number): Promise<VectorMatch[]>;
}

export interface VectorIndex extends VectorSearch {
  readonly size: number;
  readonly dimensions: number;
  /** Bytes held by the index's typed arrays. */
  readonly bytes: number;
  /** Synchronous form of query, for benchmarks and tests. */
  search(vector: ArrayLike<number>, topK: number): VectorMatch[];
}

export function createVectorIndex(quantised: QuantisedVectors): VectorIndex {
  const { dimensions, ids, scales } = quantised;
  const size = ids.length;
  const columns = new Int8Array(size * dimensions);
  for (let row = 0; row < size; row += 1) {
    const offset = row * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      columns[dimension * size + row] = quantised.values[offset + dimension] ?? 0;
    }
  }
  const scores = new Float32Array(size);

  function search(vector: ArrayLike<number>, topK: number): VectorMatch[] {
    if (vector.length !== dimensions)
      throw new RangeError(`query has ${vector.length} dimensions, the index ${dimensions}`);
    let norm = 0;
    for (let dimension = 0; dimension < dimensions; dimension += 1) norm += (vector[dimension] ?? 0) ** 2;
    if (norm === 0 || size === 0 || topK <= 0) return [];
    const inverseNorm = 1 / Math.sqrt(norm);
    scores.fill(0);
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      const weight = vector[dimension] ?? 0;
      if (weight === 0) continue;
      const offset = dimension * size;
      for (let row = 0; row < size; row += 1) scores[row]! += weight * columns[offset + row]!;
    }
    return topMatches(scores, scales, ids, Math.min(topK, size), inverseNorm);
  }

  return {
    kind: "memory",
    size,
    dimensions,
    bytes: columns.byteLength + scores.byteLength + ids.byteLength + scales.byteLength,
    search,
    async query(vector, topK) {
      return search(vector, topK);
    },
  };
}

/** The k best rows by scaled score, best first, with a size-k min-heap. */
function topMatches(
  scores: Float32Array,
  scales: Float32Array,
  ids: Int32Array,
  k: number,
  inverseNorm: number,
): VectorMatch[] {
  const heapRows: number[] = [];
  const heapScores: number[] = [];
  const swap = (left: number, right: number) => {
    [heapRows[left], heapRows[right]] = [heapRows[right]!, heapRows[left]!];
    [heapScores[left], heapScores[right]] = [heapScores[right]!, heapScores[left]!];
  };
  for (let row = 0; row < scores.length; row += 1) {
    const score = scores[row]! * scales[row]!;
    if (heapRows.length < k) {
      heapRows.push(row);
      heapScores.push(score);
      for (let child = heapRows.length - 1; child > 0;) {
        const parent = (child - 1) >> 1;
        if (heapScores[parent]! <= heapScores[child]!) break;
        swap(parent, child);
        child = parent;
      }
    } else if (score > heapScores[0]!) {
      heapRows[0] = row;
      heapScores[0] = score;
      for (let parent = 0; ;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < k && heapScores[left]! < heapScores[smallest]!) smallest = left;
        if (right < k && heapScores[right]! < heapScores[smallest]!) smallest = right;
        if (smallest === parent) break;
        swap(parent, smallest);
        parent = smallest;
      }
    }
  }
  return heapRows
    .map((row, index) => ({ id: ids[row]!, similarity: heapScores[index]! * inverseNorm }))
    .sort((left, right) => right.similarity - left.similarity || left.id - right.id);
}
