// Images arrive as a multipart file or a base64 data URL. What they are is decided by their first
// bytes, never by the declared type, so a renamed text file or a GIF is refused before anything
// is stored or sent to a model.
import { MAX_IMAGE_BYTES } from "@ensemble/contracts";

export type ImageMediaType = "image/jpeg" | "image/png" | "image/webp";

export interface AcceptedImage {
  mediaType: ImageMediaType;
  bytes: Uint8Array;
}

export type ImageCheck = { ok: true; image: AcceptedImage } | { ok: false; status: 413 | 415 | 400; message: string };

export function sniffImageType(bytes: Uint8Array): ImageMediaType | "image/gif" | null {
  const starts = (...signature: number[]) => signature.every((value, index) => bytes[index] === value);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return "image/webp";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  return null;
}

/** A file is whole when its format's end marker is there: JPEG ends with FFD9, PNG with an IEND chunk. */
function looksComplete(mediaType: ImageMediaType, bytes: Uint8Array): boolean {
  if (mediaType === "image/jpeg") {
    // Some encoders pad after the end-of-image marker; look for it near the end.
    for (let index = bytes.length - 2; index >= Math.max(2, bytes.length - 64); index--) {
      if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return true;
    }
    return false;
  }
  if (mediaType === "image/png") {
    const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 12)));
    return tail.includes("IEND");
  }
  // WebP declares its size in the RIFF header.
  const declared = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
  return declared + 8 <= bytes.length;
}

export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_IMAGE_BYTES) {
    return {
      ok: false,
      status: 413,
      message: `image is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`,
    };
  }
  const type = sniffImageType(bytes);
  if (type === null || type === "image/gif") {
    return {
      ok: false,
      status: 415,
      message: `unsupported image${type ? " (GIF)" : ""}: send a JPEG, PNG or WebP photo`,
    };
  }
  if (bytes.length < 16 || !looksComplete(type, bytes)) {
    return { ok: false, status: 400, message: `the ${type.slice(6).toUpperCase()} image is truncated or corrupt` };
  }
  return { ok: true, image: { mediaType: type, bytes } };
}

const DATA_URL = /^data:([\w/+.-]+)?;base64,([A-Za-z0-9+/=\s]+)$/;

/** The image bytes, "too-large" when they would pass the limit, or null when it is no data URL. */
export function decodeDataUrl(value: string): Uint8Array | "too-large" | null {
  const match = DATA_URL.exec(value.trim());
  if (!match) return null;
  // Checking the length first avoids decoding a huge string just to refuse it.
  const base64 = match[2]!.replace(/\s+/g, "");
  if ((base64.length * 3) / 4 > MAX_IMAGE_BYTES + 3) return "too-large";
  try {
    return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
