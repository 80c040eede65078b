// A minimal reader for ordinary (non-Zip64, unencrypted) zip archives such as
// .jar files. It exists so the importer needs nothing beyond Node itself: no
// npm dependency and no `unzip` binary on the machine.
import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  read(): Buffer;
}

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryHeaderSignature = 0x02014b50;
const localFileHeaderSignature = 0x04034b50;
const storedMethod = 0;
const deflateMethod = 8;

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, so it must
  // start within that distance of the end of the file.
  const earliest = Math.max(0, archive.length - 22 - 0xffff);
  for (let offset = archive.length - 22; offset >= earliest; offset--) {
    if (archive.readUInt32LE(offset) === endOfCentralDirectorySignature) return offset;
  }
  throw new Error("not a zip archive: end of central directory record not found");
}

export function listZipEntries(archive: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(archive);
  const entryCount = archive.readUInt16LE(end + 10);
  const directoryOffset = archive.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) {
    throw new Error("Zip64 archives are not supported");
  }

  const entries: ZipEntry[] = [];
  let position = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (archive.readUInt32LE(position) !== centralDirectoryHeaderSignature) {
      throw new Error(`corrupt zip: bad central directory header at byte ${position}`);
    }
    const flags = archive.readUInt16LE(position + 8);
    const method = archive.readUInt16LE(position + 10);
    const expectedCrc = archive.readUInt32LE(position + 16);
    const compressedSize = archive.readUInt32LE(position + 20);
    const uncompressedSize = archive.readUInt32LE(position + 24);
    const nameLength = archive.readUInt16LE(position + 28);
    const extraLength = archive.readUInt16LE(position + 30);
    const commentLength = archive.readUInt16LE(position + 32);
    const localHeaderOffset = archive.readUInt32LE(position + 42);
    const name = archive.toString("utf8", position + 46, position + 46 + nameLength);
    position += 46 + nameLength + extraLength + commentLength;

    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      read(): Buffer {
        if (flags & 1) throw new Error(`${name}: encrypted zip entries are not supported`);
        if (archive.readUInt32LE(localHeaderOffset) !== localFileHeaderSignature) {
          throw new Error(`${name}: bad local file header`);
        }
        // The local header repeats the name and may carry a different extra
        // field, so its own lengths decide where the data starts.
        const localNameLength = archive.readUInt16LE(localHeaderOffset + 26);
        const localExtraLength = archive.readUInt16LE(localHeaderOffset + 28);
        const dataStart = localHeaderOffset + 30 + localNameLength + localExtraLength;
        const raw = archive.subarray(dataStart, dataStart + compressedSize);
        let data: Buffer;
        if (method === storedMethod) data = Buffer.from(raw);
        else if (method === deflateMethod) data = inflateRawSync(raw);
        else throw new Error(`${name}: unsupported compression method ${method}`);
        if (data.length !== uncompressedSize || crc32(data) !== expectedCrc) {
          throw new Error(`${name}: size or CRC mismatch, the archive is damaged`);
        }
        return data;
      },
    });
  }
  return entries;
}
