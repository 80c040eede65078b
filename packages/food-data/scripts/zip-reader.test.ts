import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { listZipEntries } from "./zip-reader.ts";

// Writes a minimal zip (local headers, central directory, end record), enough
// to exercise the reader without a fixture file.
function writeZip(files: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const stored = file.deflate ? deflateRawSync(file.data) : file.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(file.data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(file.data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, stored);
    directory.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

describe("listZipEntries", () => {
  const xml = Buffer.from('<food uid="01001" name="Butter, salted"/>'.repeat(20));
  const archive = writeZip([
    { name: "usda_sr24/01001.xml", data: xml, deflate: true },
    { name: "usda_sr24/foods.index", data: Buffer.from("01001|Butter, salted\r\n"), deflate: false },
  ]);

  it("lists entries and reads deflated and stored data", () => {
    const entries = listZipEntries(archive);
    expect(entries.map((entry) => entry.name)).toEqual(["usda_sr24/01001.xml", "usda_sr24/foods.index"]);
    expect(entries[0]?.read().equals(xml)).toBe(true);
    expect(entries[0]?.compressedSize).toBeLessThan(xml.length);
    expect(entries[1]?.read().toString()).toBe("01001|Butter, salted\r\n");
  });

  it("detects damaged data through the CRC", () => {
    const damaged = Buffer.from(archive);
    const storedDataStart = damaged.indexOf("01001|Butter");
    damaged[storedDataStart] = "9".charCodeAt(0);
    expect(() => listZipEntries(damaged)[1]?.read()).toThrow(/CRC/);
  });

  it("rejects files that are not zip archives", () => {
    expect(() => listZipEntries(Buffer.from("definitely not a zip archive"))).toThrow(/not a zip archive/);
  });
});
