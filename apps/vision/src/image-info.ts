// What a photo is, read from its own headers: format, width and height. The gateway already
// sniffed the type and the size, but an RPC call is a trust boundary too, and the dimensions are
// the one fact about a photo that every path (even the local one, which cannot see) can state.
import { type ErrorCode, MAX_IMAGE_BYTES } from "@ensemble/contracts";

export type ImageMediaType = "image/jpeg" | "image/png" | "image/webp";

export interface ImageInfo {
  mediaType: ImageMediaType;
  format: "JPEG" | "PNG" | "WebP";
  width: number;
  height: number;
  bytes: number;
}

export type Measurement = { ok: true; info: ImageInfo } | { ok: false; code: ErrorCode; message: string };

const FORMAT_NAMES: Record<ImageMediaType, ImageInfo["format"]> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
};

function refuse(code: ErrorCode, message: string): Measurement {
  return { ok: false, code, message };
}

/** Base64 (no data: prefix) to bytes; null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  try {
    return Uint8Array.from(atob(compact), (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Decodes and measures; refuses anything over 5 MB before decoding it. */
export function measureBase64Image(base64: string, declared: ImageMediaType): Measurement {
  // Four base64 characters carry three bytes; checking the length first avoids decoding a huge string.
  if (Math.floor((base64.length * 3) / 4) > MAX_IMAGE_BYTES + 3) {
    return refuse("payload_too_large", "the image is larger than 5 MB");
  }
  const bytes = decodeBase64(base64);
  if (!bytes) return refuse("bad_request", "the image is not valid base64");
  return measureImage(bytes, declared);
}

export function sniffFormat(bytes: Uint8Array): ImageMediaType | "image/gif" | null {
  const starts = (...signature: number[]) => signature.every((value, index) => bytes[index] === value);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x52, 0x49, 0x46, 0x46) && ascii(bytes, 8, 4) === "WEBP") return "image/webp";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  return null;
}

export function measureImage(bytes: Uint8Array, declared?: ImageMediaType): Measurement {
  if (bytes.length > MAX_IMAGE_BYTES)
    return refuse("payload_too_large", `the image is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`);
  const type = sniffFormat(bytes);
  if (type === null) return refuse("unsupported_media_type", "the file is not a JPEG, PNG or WebP image");
  if (type === "image/gif")
    return refuse("unsupported_media_type", "GIF images are not supported: send a JPEG, PNG or WebP photo");
  if (declared && declared !== type)
    return refuse("bad_request", `the image was declared as ${declared} but its bytes are a ${FORMAT_NAMES[type]}`);
  const size = type === "image/jpeg" ? jpegSize(bytes) : type === "image/png" ? pngSize(bytes) : webpSize(bytes);
  if (typeof size === "string") return refuse("bad_request", `the ${FORMAT_NAMES[type]} image is ${size}`);
  return {
    ok: true,
    info: { mediaType: type, format: FORMAT_NAMES[type], width: size.width, height: size.height, bytes: bytes.length },
  };
}

/** "photo: 640×480 JPEG, 48 KB" */
export function describeImage(info: ImageInfo): string {
  return `photo: ${info.width}×${info.height} ${info.format}, ${formatBytes(info.bytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Size = { width: number; height: number } | string;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function uint16BigEndian(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function uint32BigEndian(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function uint24LittleEndian(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

function checked(width: number, height: number): Size {
  return width > 0 && height > 0 ? { width, height } : "corrupt (it declares no width or height)";
}

// Start-of-frame markers carry the size: C0-CF except C4 (Huffman tables), C8 (reserved) and CC
// (arithmetic coding conditioning). Everything before them is a length-prefixed segment.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array): Size {
  let offset = 2;
  let frame: Size | undefined;
  while (!frame) {
    if (offset + 4 > bytes.length) return "truncated (it ends before its frame header)";
    if (bytes[offset] !== 0xff) return "corrupt (a segment does not start with a marker)";
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[offset + 1] === 0xff && offset + 2 < bytes.length) offset++;
    const marker = bytes[offset + 1]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return "corrupt (no frame header before the image data)";
    const length = uint16BigEndian(bytes, offset + 2);
    if (length < 2) return "corrupt (a segment has an impossible length)";
    if (offset + 2 + length > bytes.length) return "truncated (a header segment is cut short)";
    if (isStartOfFrame(marker)) {
      if (length < 8) return "corrupt (its frame header is too short)";
      frame = checked(uint16BigEndian(bytes, offset + 7), uint16BigEndian(bytes, offset + 5));
    }
    offset += 2 + length;
  }
  if (typeof frame === "string") return frame;
  // The entropy-coded data is not parsed; a whole file ends with the end-of-image marker, though
  // some encoders pad a little after it.
  for (let index = bytes.length - 2; index >= Math.max(offset, bytes.length - 64); index--) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return frame;
  }
  return "truncated (it has no end-of-image marker)";
}

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let value = 0; value < 256; value++) {
      let crc = value;
      for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
      crcTable[value] = crc >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngSize(bytes: Uint8Array): Size {
  // Signature (8), then the IHDR chunk: length 13, type, width, height, five more bytes, CRC.
  if (bytes.length < 33) return "truncated (it ends inside its header)";
  if (uint32BigEndian(bytes, 8) !== 13 || ascii(bytes, 12, 4) !== "IHDR") return "corrupt (it has no IHDR header)";
  if (crc32(bytes.subarray(12, 29)) !== uint32BigEndian(bytes, 29)) return "corrupt (its header checksum is wrong)";
  const size = checked(uint32BigEndian(bytes, 16), uint32BigEndian(bytes, 20));
  if (typeof size === "string") return size;
  // The last chunk of a whole file is IEND: length 0, type, CRC.
  if (bytes.length < 45 || ascii(bytes, bytes.length - 8, 4) !== "IEND") return "truncated (it has no IEND chunk)";
  return size;
}

function webpSize(bytes: Uint8Array): Size {
  if (bytes.length < 30) return "truncated (it ends inside its header)";
  // RIFF's size counts everything after its first 8 bytes.
  const riffSize = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
  if (riffSize + 8 > bytes.length) return "truncated (it is shorter than its RIFF header says)";
  const chunk = ascii(bytes, 12, 4);
  const data = 20;
  if (chunk === "VP8 ") {
    // A key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
    if (bytes[data + 3] !== 0x9d || bytes[data + 4] !== 0x01 || bytes[data + 5] !== 0x2a)
      return "corrupt (its VP8 start code is missing)";
    return checked(
      (bytes[data + 6]! | (bytes[data + 7]! << 8)) & 0x3fff,
      (bytes[data + 8]! | (bytes[data + 9]! << 8)) & 0x3fff,
    );
  }
  if (chunk === "VP8L") {
    // Signature 0x2F, then width - 1 and height - 1 as 14-bit fields, least significant bit first.
    if (bytes[data] !== 0x2f) return "corrupt (its VP8L signature is missing)";
    const bits =
      (bytes[data + 1]! | (bytes[data + 2]! << 8) | (bytes[data + 3]! << 16) | (bytes[data + 4]! << 24)) >>> 0;
    return checked((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X") {
    // Flags (4 bytes), then canvas width - 1 and height - 1 as 24-bit little-endian numbers.
    return checked(uint24LittleEndian(bytes, data + 4) + 1, uint24LittleEndian(bytes, data + 7) + 1);
  }
  return `corrupt (unknown WebP chunk "${chunk.replace(/[^\x20-\x7e]/g, "?")}")`;
}
