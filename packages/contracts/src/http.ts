// The public HTTP API of the gateway: the one contract clients depend on.
import { z } from "zod";
import { type ErrorCode, HTTP_STATUS, spanSchema, toolCallRecordSchema } from "./common.ts";
import { profileSchema, targetsSchema } from "./rpc.ts";

export const MAX_MESSAGE_CHARACTERS = 4000;
export const MAX_JSON_BODY_BYTES = 64 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const chatRequestSchema = z.object({
  message: z
    .string()
    .trim()
    .max(MAX_MESSAGE_CHARACTERS, `message must be at most ${MAX_MESSAGE_CHARACTERS} characters`),
  /** A data URL (data:image/jpeg;base64,...). Multipart uploads carry the file instead. */
  image: z.string().optional(),
  conversationId: z.string().min(1).max(64).optional(),
});
export type ChatRequestBody = z.infer<typeof chatRequestSchema>;

export const routePathSchema = z.enum(["specialist", "coordinator", "general", "onboarding", "vision"]);

export const usageSummarySchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  byModel: z.record(
    z.string(),
    z.object({ calls: z.number(), inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number() }),
  ),
  byTask: z.record(
    z.string(),
    z.object({ calls: z.number(), inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number() }),
  ),
});
export type UsageSummary = z.infer<typeof usageSummarySchema>;

export const chatResponseSchema = z.object({
  reply: z.string(),
  conversationId: z.string(),
  route: z.object({
    path: routePathSchema,
    domains: z.array(z.string()),
    confidence: z.number(),
  }),
  toolCalls: z.array(toolCallRecordSchema.pick({ name: true, domain: true, arguments: true, ok: true, error: true })),
  usage: usageSummarySchema,
  trace: z.object({
    requestId: z.string(),
    configHash: z.string(),
    spans: z.array(spanSchema),
  }),
});
export type ChatResponseBody = z.infer<typeof chatResponseSchema>;

/** `GET` and `PUT /v1/profile`. */
export const storedProfileSchema = z.object({ profile: profileSchema, targets: targetsSchema, updatedAt: z.string() });
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** `GET /v1/conversations`: newest first, each with the user's first message as its title. */
export const conversationListSchema = z.object({
  conversations: z.array(
    z.object({ id: z.string(), createdAt: z.string(), updatedAt: z.string(), firstMessage: z.string().nullable() }),
  ),
});

export const conversationMessageSchema = z.object({
  id: z.string(),
  /** The request that produced the message: its trace is at GET /v1/traces/:requestId. */
  requestId: z.string(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  createdAt: z.string(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

/** `GET /v1/conversations/:id`. */
export const conversationSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(conversationMessageSchema),
});

/** The single error envelope every endpoint answers with. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function errorResponse(
  code: ErrorCode,
  message: string,
  init: { requestId?: string; details?: unknown; headers?: HeadersInit } = {},
): Response {
  const body: ErrorEnvelope = {
    error: {
      code,
      message,
      ...(init.requestId ? { requestId: init.requestId } : {}),
      ...(init.details === undefined ? {} : { details: init.details }),
    },
  };
  return Response.json(body, { status: HTTP_STATUS[code], headers: init.headers });
}

/** What an internal Worker answers to any HTTP request: it is reachable only over RPC. */
export function internalWorkerResponse(): Response {
  return errorResponse("not_found", "This Worker is internal and answers only over service bindings.");
}
