// Vectors as compact int8 with one float32 scale per vector, and base64 for storage in D1 text
// columns (D1 hands BLOBs back as arrays of numbers, which is slow for megabytes).

export interface QuantisedVectors {
  dimensions: number;
  ids: Int32Array;
  /** Row-major: food i's vector is values[i * dimensions ... (i + 1) * dimensions). */
  values: Int8Array;
  /** values[i * dimensions + d] * scales[i] approximates the original component. */
  scales: Float32Array;
}

/** Symmetric int8 quantisation per vector: the largest component maps to ±127. */
export function quantise(
  ids: readonly number[],
  vectors: readonly ArrayLike<number>[],
  dimensions: number,
): QuantisedVectors {
  if (ids.length !== vectors.length) throw new RangeError(`${ids.length} ids for ${vectors.length} vectors`);
  const values = new Int8Array(ids.length * dimensions);
  const scales = new Float32Array(ids.length);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimensions)
      throw new RangeError(`vector ${ids[row]} has ${vector.length} dimensions, expected ${dimensions}`);
    let largest = 0;
    for (let index = 0; index < dimensions; index += 1) largest = Math.max(largest, Math.abs(vector[index] ?? 0));
    const scale = largest / 127;
    scales[row] = scale;
    if (scale === 0) return;
    const offset = row * dimensions;
    for (let index = 0; index < dimensions; index += 1)
      values[offset + index] = Math.round((vector[index] ?? 0) / scale);
  });
  return { dimensions, ids: Int32Array.from(ids), values, scales };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  // String.fromCharCode takes arguments, so go in slices well under engines' argument limits.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Typed arrays are stored little-endian; every platform Workers and Node run on is. */
function viewBytes(array: Int32Array | Int8Array | Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export interface EncodedChunk {
  ids: string;
  vectors: string;
  scales: string;
}

/** Splits quantised vectors into chunks of `size` consecutive foods, base64-encoded. */
export function encodeChunks(quantised: QuantisedVectors, size: number): EncodedChunk[] {
  const chunks: EncodedChunk[] = [];
  for (let start = 0; start < quantised.ids.length; start += size) {
    const end = Math.min(start + size, quantised.ids.length);
    chunks.push({
      ids: bytesToBase64(viewBytes(quantised.ids.subarray(start, end))),
      vectors: bytesToBase64(
        viewBytes(quantised.values.subarray(start * quantised.dimensions, end * quantised.dimensions)),
      ),
      scales: bytesToBase64(viewBytes(quantised.scales.subarray(start, end))),
    });
  }
  return chunks;
}

/** Joins decoded chunks back into one QuantisedVectors, checking that the sizes agree. */
export function decodeChunks(chunks: readonly EncodedChunk[], dimensions: number): QuantisedVectors {
  const parts = chunks.map((chunk) => {
    const ids = new Int32Array(base64ToBytes(chunk.ids).buffer);
    const values = new Int8Array(base64ToBytes(chunk.vectors).buffer);
    const scales = new Float32Array(base64ToBytes(chunk.scales).buffer);
    if (values.length !== ids.length * dimensions || scales.length !== ids.length) {
      throw new RangeError(
        `vector chunk holds ${ids.length} ids, ${values.length} values and ${scales.length} scales for ${dimensions} dimensions`,
      );
    }
    return { ids, values, scales };
  });
  const count = parts.reduce((sum, part) => sum + part.ids.length, 0);
  const result: QuantisedVectors = {
    dimensions,
    ids: new Int32Array(count),
    values: new Int8Array(count * dimensions),
    scales: new Float32Array(count),
  };
  let row = 0;
  for (const part of parts) {
    result.ids.set(part.ids, row);
    result.values.set(part.values, row * dimensions);
    result.scales.set(part.scales, row);
    row += part.ids.length;
  }
  return result;
}
