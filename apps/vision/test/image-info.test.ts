import { describe, expect, it } from "vitest";
import {
  crc32 as sourceCrc32,
  describeImage,
  formatBytes,
  measureBase64Image,
  measureImage,
} from "../src/image-info.ts";
import {
  BASELINE_JPEG,
  EXTENDED_WEBP,
  LOSSLESS_WEBP,
  LOSSY_WEBP,
  PROGRESSIVE_JPEG,
  TINY_GIF,
} from "./fixtures/images.ts";
import { crc32, encodePng, fromBase64, toBase64 } from "./png.ts";

function measured(bytes: Uint8Array, declared?: "image/jpeg" | "image/png" | "image/webp") {
  const result = measureImage(bytes, declared);
  if (!result.ok) throw new Error(`expected a measurement, got ${result.code}: ${result.message}`);
  return result.info;
}

function refused(bytes: Uint8Array, declared?: "image/jpeg" | "image/png" | "image/webp") {
  const result = measureImage(bytes, declared);
  if (result.ok) throw new Error(`expected a refusal, got ${describeImage(result.info)}`);
  return result;
}

describe("measureImage on real files", () => {
  it.each([
    ["baseline JPEG", BASELINE_JPEG, "image/jpeg", "JPEG", 64, 48],
    ["progressive JPEG with a comment segment", PROGRESSIVE_JPEG, "image/jpeg", "JPEG", 72, 40],
    ["lossy WebP (VP8)", LOSSY_WEBP, "image/webp", "WebP", 50, 30],
    ["lossless WebP (VP8L)", LOSSLESS_WEBP, "image/webp", "WebP", 33, 21],
    ["extended WebP with alpha (VP8X)", EXTENDED_WEBP, "image/webp", "WebP", 45, 27],
  ] as const)("reads the size of a %s", (_, base64, mediaType, format, width, height) => {
    const bytes = fromBase64(base64);
    expect(measured(bytes, mediaType)).toEqual({ mediaType, format, width, height, bytes: bytes.length });
  });

  it("reads the size of PNGs encoded here, odd sizes included", async () => {
    for (const [width, height] of [
      [1, 1],
      [3, 2],
      [640, 480],
      [1001, 7],
    ] as const) {
      const png = await encodePng(width, height);
      expect(measured(png, "image/png")).toMatchObject({ format: "PNG", width, height, bytes: png.length });
    }
  });

  it("describes a photo the way replies mention it", async () => {
    const png = await encodePng(640, 480);
    expect(describeImage(measured(png))).toBe(`photo: 640×480 PNG, ${Math.round(png.length / 1024)} KB`);
    expect(describeImage(measured(fromBase64(BASELINE_JPEG)))).toBe("photo: 64×48 JPEG, 419 bytes");
    expect(formatBytes(48 * 1024 + 100)).toBe("48 KB");
    expect(formatBytes(3 * 1024 * 1024 + 200_000)).toBe("3.2 MB");
  });

  it("computes the standard CRC-32 (check value of '123456789')", () => {
    const digits = new TextEncoder().encode("123456789");
    expect(sourceCrc32(digits)).toBe(0xcbf43926);
    expect(crc32(digits)).toBe(0xcbf43926);
  });
});

describe("measureImage refuses what is not a whole photo", () => {
  it("refuses a GIF as an unsupported type", () => {
    expect(refused(fromBase64(TINY_GIF))).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining("GIF"),
    });
  });

  it("refuses a text file renamed to .jpg", () => {
    const text = new TextEncoder().encode("my lunch: chicken salad and a roll\n".repeat(20));
    expect(refused(text, "image/jpeg")).toMatchObject({ code: "unsupported_media_type" });
  });

  it("refuses anything over 5 MB before looking at it", () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(fromBase64(BASELINE_JPEG));
    expect(refused(big, "image/jpeg")).toMatchObject({ code: "payload_too_large" });
    // The base64 form is refused from its length alone.
    expect(measureBase64Image("A".repeat(7_000_004), "image/jpeg")).toMatchObject({
      ok: false,
      code: "payload_too_large",
    });
  });

  it("refuses truncated JPEGs, cut in the headers or in the image data", () => {
    const jpeg = fromBase64(BASELINE_JPEG);
    for (const length of [4, 30, 160, jpeg.length - 40, jpeg.length - 2]) {
      expect(refused(jpeg.subarray(0, length), "image/jpeg"), `cut at ${length}`).toMatchObject({
        code: "bad_request",
        message: expect.stringMatching(/JPEG image is (truncated|corrupt)/),
      });
    }
  });

  it("refuses truncated PNGs and a PNG whose header checksum is wrong", async () => {
    const png = await encodePng(20, 10);
    for (const length of [20, 40, png.length - 12, png.length - 1]) {
      expect(refused(png.subarray(0, length), "image/png"), `cut at ${length}`).toMatchObject({ code: "bad_request" });
    }
    const tampered = png.slice();
    tampered[19] = 99; // width's low byte, without fixing the CRC
    expect(refused(tampered, "image/png").message).toContain("checksum");
  });

  it("refuses truncated WebPs of every kind", () => {
    for (const base64 of [LOSSY_WEBP, LOSSLESS_WEBP, EXTENDED_WEBP]) {
      const webp = fromBase64(base64);
      expect(refused(webp.subarray(0, webp.length - 10), "image/webp")).toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("truncated"),
      });
      expect(refused(webp.subarray(0, 24), "image/webp")).toMatchObject({ code: "bad_request" });
    }
  });

  it("refuses bytes that contradict the declared type", () => {
    expect(refused(fromBase64(BASELINE_JPEG), "image/png")).toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("declared as image/png"),
    });
  });

  it("refuses a JPEG whose frame header says 0×0", () => {
    const jpeg = fromBase64(BASELINE_JPEG);
    const start = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    const zeroed = jpeg.slice();
    zeroed.fill(0, start + 5, start + 9);
    expect(refused(zeroed).message).toContain("no width or height");
  });

  it("refuses base64 that is not base64", () => {
    expect(measureBase64Image("not base64!", "image/jpeg")).toMatchObject({ ok: false, code: "bad_request" });
    expect(measureBase64Image(toBase64(fromBase64(BASELINE_JPEG)), "image/jpeg")).toMatchObject({ ok: true });
  });
});
