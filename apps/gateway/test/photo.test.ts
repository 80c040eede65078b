// Photos through the public API, end to end on the local engine: the gateway checks the file, the
// vision Worker measures it (it cannot see: AI_PROVIDER=local), the meal specialist answers from the
// user's words or asks for them. Refused files must leave no trace in any database.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedFoods } from "../../embedding/test/seed-foods.ts";
import { BASELINE_JPEG, EXTENDED_WEBP, TINY_GIF } from "../../vision/test/fixtures/images.ts";
import { encodePng, fromBase64, toBase64 } from "../../vision/test/png.ts";
import { type ChatBody, call, uniqueUser } from "./helpers.ts";

const LUNCH = "my lunch: chicken salad and a roll";
const JPEG = fromBase64(BASELINE_JPEG);

type Transport = "multipart" | "data URL";

async function sendPhoto(
  transport: Transport,
  userId: string,
  image: Uint8Array,
  message?: string,
  declaredType = "image/jpeg",
) {
  let response: Response;
  if (transport === "multipart") {
    const form = new FormData();
    form.append("image", new File([image], "lunch.jpg", { type: declaredType }));
    if (message !== undefined) form.append("message", message);
    response = await call(userId, "/v1/chat", { method: "POST", body: form });
  } else {
    response = await call(userId, "/v1/chat", {
      method: "POST",
      json: { message: message ?? "", image: `data:${declaredType};base64,${toBase64(image)}` },
    });
  }
  return { status: response.status, body: (await response.json()) as ChatBody };
}

/** Rows in every table of a database, migrations' own bookkeeping aside. */
async function rowCounts(database: D1Database): Promise<Record<string, number>> {
  const tables = await database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    )
    .all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) {
    counts[name] = (await database.prepare(`SELECT count(*) AS rows FROM "${name}"`).first<{ rows: number }>())!.rows;
  }
  return counts;
}

async function everyDatabase() {
  return { gateway: await rowCounts(env.DB), meal: await rowCounts(env.MEAL_DB) };
}

async function messagesOf(userId: string): Promise<{ role: string; content: string }[]> {
  const rows = await env.DB.prepare(
    "SELECT role, content FROM messages WHERE user_id = ? ORDER BY created_at, role DESC",
  )
    .bind(userId)
    .all<{ role: string; content: string }>();
  return rows.results;
}

async function mealCount(userId: string): Promise<number> {
  return (await env.MEAL_DB.prepare("SELECT count(*) AS rows FROM meals WHERE user_id = ?")
    .bind(userId)
    .first<{ rows: number }>())!.rows;
}

const oversized = () => {
  const big = new Uint8Array(5 * 1024 * 1024 + 1024);
  big.set(JPEG);
  big.set([0xff, 0xd9], big.length - 2);
  return big;
};

const refusals: [string, () => Promise<Uint8Array> | Uint8Array, number, string][] = [
  ["a photo over 5 MB -> 413", oversized, 413, "payload_too_large"],
  ["a GIF -> 415", () => fromBase64(TINY_GIF), 415, "unsupported_media_type"],
  [
    "a text file renamed to .jpg -> 415",
    () => new TextEncoder().encode(`${LUNCH}\n`.repeat(40)),
    415,
    "unsupported_media_type",
  ],
  ["a truncated JPEG -> 400", () => JPEG.subarray(0, JPEG.length - 60), 400, "bad_request"],
  ["a truncated PNG -> 400", async () => (await encodePng(40, 30)).subarray(0, 60), 400, "bad_request"],
];

// The meal specialist looks foods up in the USDA data; vitest's isolated storage keeps this for the file.
beforeAll(() => seedFoods(env.EMBEDDING_DB), 120_000);

describe.each(["multipart", "data URL"] as const)(
  "refused photos (%s) answer with the error envelope and store nothing",
  (transport) => {
    it.each(refusals)("%s", async (_, make, status, code) => {
      const userId = uniqueUser("refused");
      const before = await everyDatabase();
      const response = await sendPhoto(transport, userId, await make(), LUNCH);
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ error: { code, message: expect.any(String), requestId: expect.any(String) } });
      expect(await everyDatabase()).toEqual(before);
      expect(await messagesOf(userId)).toEqual([]);
    });
  },
);

describe.each(["multipart", "data URL"] as const)("a photo with words (%s)", (transport) => {
  it("goes to the vision Worker and the meal specialist, which logs from the words", async () => {
    const userId = uniqueUser("photo-lunch");
    const { status, body } = await sendPhoto(transport, userId, JPEG, LUNCH);
    expect(status).toBe(200);
    expect(body.route).toMatchObject({ path: "vision", domains: ["meal"] });
    // The vision Worker measured the photo and asked no model: the local engine cannot see.
    expect(body.trace.spans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          worker: "vision",
          name: "vision:measure",
          status: "ok",
          detail: "photo: 64×48 JPEG, 419 bytes",
        }),
        expect.objectContaining({ worker: "vision", name: "vision:model", status: "skipped" }),
      ]),
    );
    expect(body.usage.byTask.vision).toBeUndefined();
    expect(body.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_meal", domain: "meal", ok: true })]),
    );
    expect(await mealCount(userId)).toBe(1);
    expect(await messagesOf(userId)).toEqual([
      { role: "user", content: LUNCH },
      { role: "assistant", content: body.reply },
    ]);
  });
});

describe("photos of every accepted format reach the vision Worker", () => {
  it.each([
    ["PNG", async () => encodePng(640, 480), "image/png", /^photo: 640×480 PNG, \d+ KB$/],
    ["WebP", () => fromBase64(EXTENDED_WEBP), "image/webp", /^photo: 45×27 WebP, 138 bytes$/],
  ] as const)("%s", async (_, make, mediaType, note) => {
    const { status, body } = await sendPhoto("data URL", uniqueUser("formats"), await make(), LUNCH, mediaType);
    expect(status).toBe(200);
    expect(body.route).toMatchObject({ path: "vision", domains: ["meal"] });
    const measure = (body.trace.spans as { name: string; detail?: string }[]).find(
      (span) => span.name === "vision:measure",
    );
    expect(measure?.detail).toMatch(note);
  });
});

describe.each(["multipart", "data URL"] as const)("a photo without words (%s)", (transport) => {
  it("gets a reply asking to describe the meal, and logs nothing", async () => {
    const userId = uniqueUser("photo-only");
    const mealsBefore = await rowCounts(env.MEAL_DB);
    const { status, body } = await sendPhoto(transport, userId, JPEG);
    expect(status).toBe(200);
    expect(body.route).toMatchObject({ path: "vision", domains: ["meal"], confidence: 0 });
    expect(body.reply).toMatch(/describe|tell me what|what (?:was|is|did you have|did you eat)/i);
    // Not even an attempt: the photo's notes ("64×48 JPEG, 419 bytes") are no food to try logging.
    expect(body.toolCalls.filter((toolCall: { name: string }) => toolCall.name === "log_meal")).toEqual([]);
    expect(body.reply).not.toMatch(/couldn't log/i);
    expect(await rowCounts(env.MEAL_DB)).toEqual(mealsBefore);
  });
});
