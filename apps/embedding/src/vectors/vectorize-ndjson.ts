// The files `wrangler vectorize insert` uploads: NDJSON, one vector per line, the food id as the
// vector id (the Worker turns match ids back into food ids, see vectorize.ts).

export interface VectorRecord {
  id: string;
  values: number[];
}

/** Wrangler reads NDJSON files up to 100 MB; 2,000 bge vectors are about 16 MB. */
export const VECTORS_PER_FILE = 2_000;

/** NDJSON texts, each with at most `perFile` vectors, in id order. */
export function vectorizeFiles(
  ids: readonly number[],
  vectors: readonly ArrayLike<number>[],
  perFile = VECTORS_PER_FILE,
): string[] {
  if (ids.length !== vectors.length) throw new RangeError(`${ids.length} ids for ${vectors.length} vectors`);
  const dimensions = vectors[0]?.length ?? 0;
  const lines = ids.map((id, index) => {
    const vector = vectors[index]!;
    if (vector.length !== dimensions)
      throw new RangeError(`vector ${id} has ${vector.length} dimensions, expected ${dimensions}`);
    // Six significant digits: float32 precision, a third of the file size of full doubles.
    const record: VectorRecord = {
      id: String(id),
      values: Array.from(vector, (value) => Number(value.toPrecision(6))),
    };
    return JSON.stringify(record);
  });
  const files: string[] = [];
  for (let start = 0; start < lines.length; start += perFile)
    files.push(`${lines.slice(start, start + perFile).join("\n")}\n`);
  return files;
}
