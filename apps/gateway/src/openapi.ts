// The OpenAPI document is generated from the same zod schemas that validate requests, so the
// document cannot drift from the code. The docs page renders it without any CDN (works offline).
import {
  chatRequestSchema,
  chatResponseSchema,
  conversationListSchema,
  conversationSchema,
  errorEnvelopeSchema,
  profileSchema,
  storedProfileSchema,
} from "@ensemble/contracts";
import { z } from "zod";

const schema = (value: z.ZodType) => z.toJSONSchema(value, { io: "input", unrepresentable: "any" });

const errorResponses = {
  "400": {
    description: "Invalid input",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "401": {
    description: "Missing or invalid token",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "429": {
    description: "Rate limited; see Retry-After",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
};

const json = (reference: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${reference}` } } });
const dateParameter = {
  name: "date",
  in: "query",
  required: false,
  schema: { type: "string", format: "date" },
  description: "YYYY-MM-DD, default today (UTC)",
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Ensemble coach API",
      version: "1.0.0",
      description:
        "Multi-model orchestration on Cloudflare Workers: chat with a nutrition and training coach. Authenticate with `Authorization: Bearer <JWT>` (HS256, `sub` = user id, `exp` required).",
    },
    servers: [{ url: "http://127.0.0.1:8787" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: {
        ChatRequest: schema(chatRequestSchema),
        ChatResponse: schema(chatResponseSchema),
        Profile: schema(profileSchema),
        StoredProfile: schema(storedProfileSchema),
        ConversationList: schema(conversationListSchema),
        Conversation: schema(conversationSchema),
        Error: schema(errorEnvelopeSchema),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/v1/chat": {
        post: {
          summary: "Send a message (and optionally a food photo) to the coach",
          description:
            "JSON body, or multipart/form-data with `message` and an `image` file. With `Accept: text/event-stream` the reply streams as SSE events: `route`, `tool` (each tool call as it settles), `token` (a piece of the reply as the model writes it), `reset` (the text so far is void: a retry started; clear it), then `done` with the whole JSON response, or `error` with the error envelope. `Idempotency-Key` makes retries safe.",
          parameters: [
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 100 } },
          ],
          requestBody: {
            required: true,
            content: {
              ...json("ChatRequest"),
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: { message: { type: "string" }, image: { type: "string", format: "binary" } },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "The coach's reply with route, tool calls, usage and trace",
              content: json("ChatResponse"),
            },
            ...errorResponses,
            "413": { description: "Body or image too large", content: json("Error") },
            "415": {
              description: "Not JSON/multipart, or an image that is not JPEG, PNG or WebP",
              content: json("Error"),
            },
          },
        },
      },
      "/v1/conversations": {
        get: {
          summary: "Your conversations, newest first (50 at most)",
          responses: {
            "200": { description: "The conversations", content: json("ConversationList") },
            ...errorResponses,
          },
        },
      },
      "/v1/conversations/{id}": {
        get: {
          summary: "A conversation with its messages",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The conversation", content: json("Conversation") },
            ...errorResponses,
            "404": { description: "Not found (or not yours)", content: json("Error") },
          },
        },
      },
      "/v1/traces/{requestId}": {
        get: {
          summary: "The stored trace of one chat request",
          parameters: [{ name: "requestId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The trace" }, ...errorResponses },
        },
      },
      "/v1/profile": {
        get: {
          summary: "Your profile and daily targets",
          responses: {
            "200": { description: "Profile", content: json("StoredProfile") },
            ...errorResponses,
            "404": { description: "No profile yet", content: json("Error") },
          },
        },
        put: {
          summary: "Set your profile; targets are computed (Mifflin-St Jeor)",
          requestBody: { required: true, content: json("Profile") },
          responses: {
            "200": { description: "Saved profile and targets", content: json("StoredProfile") },
            ...errorResponses,
          },
        },
      },
      "/v1/meals": {
        get: {
          summary: "Meals logged on a day",
          parameters: [dateParameter],
          responses: { "200": { description: "Meals" }, ...errorResponses },
        },
      },
      "/v1/summary": {
        get: {
          summary: "The day's food, supplements and training",
          parameters: [dateParameter],
          responses: { "200": { description: "Summary" }, ...errorResponses },
        },
      },
      "/v1/foods/search": {
        get: {
          summary: "Hybrid food search over USDA SR24",
          parameters: [
            { name: "q", in: "query", required: true, schema: { type: "string", maxLength: 500 } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 50 } },
          ],
          responses: { "200": { description: "Ranked foods with scores and reasons" }, ...errorResponses },
        },
      },
      "/v1/foods/{id}": {
        get: {
          summary: "One food with nutrients per 100 g and household measures",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: {
            "200": { description: "The food" },
            ...errorResponses,
            "404": { description: "Unknown id", content: json("Error") },
          },
        },
      },
      "/health": {
        get: {
          summary: "Every Worker's status and latency",
          security: [],
          responses: {
            "200": { description: "All healthy" },
            "503": { description: "At least one Worker is unhealthy" },
          },
        },
      },
    },
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export function docsPage(): string {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { summary: string; description?: string }>).map(
      ([method, operation]) =>
        `<section><h2><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2><p>${escapeHtml(operation.summary)}</p>${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ""}</section>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(document.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:880px;margin:2rem auto;padding:0 1rem;color:#1d1d1f}code,pre{font-family:ui-monospace,monospace}.method{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:4px;color:#fff;font-size:.8rem}.get{background:#2f6fdf}.post{background:#1f9d55}.put{background:#b7791f}section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f5f5f7;padding:1rem;overflow:auto;max-height:24rem}</style></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description)}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>${operations.join("")}
<h2>Schemas</h2><pre>${escapeHtml(JSON.stringify(document.components.schemas, null, 2))}</pre></body></html>`;
}
