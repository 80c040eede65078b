// Phone photos are often larger than the gateway's 5 MB limit and far larger than a food photo
// needs. Big ones are scaled down in the browser before upload; small ones go as they are, and
// anything the browser cannot decode is sent unchanged so the gateway's check gives the verdict.

/** Photos up to this size are uploaded untouched. */
export const UPLOAD_AS_IS_BYTES = 1_500_000;
/** The longest side after scaling: plenty to recognise food. */
export const MAX_SIDE = 1600;

export function scaledSize(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export async function prepareImage(file: File): Promise<File> {
  if (file.size <= UPLOAD_AS_IS_BYTES) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const size = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  if (!blob || blob.size >= file.size) return file;
  return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
}
