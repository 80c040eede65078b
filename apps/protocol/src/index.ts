import {
  type AdherenceReport,
  type AdherenceRequest,
  type ListProtocolsRequest,
  type ProtocolDaySummary,
  type ProtocolList,
  type ProtocolRpc,
  type ProtocolToolCallRequest,
  type Result,
  type SpecialistReply,
  type SpecialistRequest,
  adherenceRequestSchema,
  calendarDateSchema,
  databaseHealth,
  failure,
  respondLive,
  internalWorkerResponse,
  listProtocolsRequestSchema,
  protocolToolCallRequestSchema,
  specialistRequestSchema,
  success,
} from "@ensemble/contracts";
import { describeError, isModelError, runSpecialist, liveUpdates, type ToolRunEvents } from "@ensemble/ai";
import { protocolTools } from "@ensemble/tools";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { PROTOCOL_SYSTEM_PROMPT } from "./prompt.ts";
import { utcDay } from "./schedule.ts";
import { protocolSkill } from "./skill/index.ts";
import { daySummary } from "./summary.ts";
import { adherenceReport, executeProtocolTool, listProtocols } from "./tools.ts";

const daySummaryRequestSchema = z.strictObject({
  userId: z.string().min(1, "userId is required"),
  date: calendarDateSchema,
});

function invalid(error: z.ZodError): { ok: false; error: { code: "bad_request"; message: string; retryable: false } } {
  return failure("bad_request", z.prettifyError(error).replace(/\n+/g, "; ")) as {
    ok: false;
    error: { code: "bad_request"; message: string; retryable: false };
  };
}

/** The protocol Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class ProtocolWorker extends WorkerEntrypoint<Env> implements ProtocolRpc {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("protocol", this.env.DB);
  }

  /** One message for the protocol specialist: the model (or local engine) calls the tools, bound to this user. */
  async handle(request: SpecialistRequest): Promise<Result<SpecialistReply>> {
    return this.respond(request);
  }

  /** `handle`, live: the reply's text as it is written and each tool call as it settles. */
  async handleStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>> {
    return respondLive(this.ctx, (emit) => this.respond(request, liveUpdates(emit)));
  }

  private async respond(request: SpecialistRequest, events?: ToolRunEvents): Promise<Result<SpecialistReply>> {
    const parsed = specialistRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const { userId, requestId } = parsed.data;
    const now = new Date(parsed.data.now);
    const db = this.env.DB;
    // Writes are numbered in the order they run, so a retried request maps each write to its first run.
    let writeIndex = 0;
    try {
      const reply = await runSpecialist({
        ...(events ? { events } : {}),
        environment: this.env,
        domain: "protocol",
        request: parsed.data,
        systemPrompt: PROTOCOL_SYSTEM_PROMPT,
        tools: [...protocolTools],
        skill: protocolSkill,
        execute: async (name, args) => {
          const tool = protocolTools.find((candidate) => candidate.name === name);
          const callIndex = tool?.kind === "write" ? writeIndex++ : 0;
          const outcome = await executeProtocolTool({ db, userId, requestId, now }, name, args, callIndex);
          // A thrown error is how runTools records a failed call and tells the model what went wrong.
          if (!outcome.ok) throw new Error(outcome.error.message);
          return outcome.value;
        },
      });
      return success(reply);
    } catch (error) {
      if (isModelError(error)) return failure("model_error", describeError(error), error.isRetryable);
      console.error("protocol handle failed", error);
      return failure("internal", `the protocol specialist failed: ${describeError(error)}`, true);
    }
  }

  /** The day's supplement checklist for GET /v1/summary. */
  async daySummary(request: { userId: string; date: string }): Promise<Result<ProtocolDaySummary>> {
    const parsed = daySummaryRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    return success(await daySummary(this.env.DB, parsed.data.userId, parsed.data.date));
  }

  /** The user's items with their status on `date` (UTC today when left out). */
  async listProtocols(request: ListProtocolsRequest): Promise<Result<ProtocolList>> {
    const parsed = listProtocolsRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const today = parsed.data.date ?? utcDay(new Date()).date;
    return success(await listProtocols(this.env.DB, parsed.data.userId, today, parsed.data.status));
  }

  /** Doses taken against scheduled, per item, over `from`..`to` (inclusive). */
  async getAdherence(request: AdherenceRequest): Promise<Result<AdherenceReport>> {
    const parsed = adherenceRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const { userId, from, to, item } = parsed.data;
    const today = parsed.data.today ?? utcDay(new Date()).date;
    return adherenceReport(this.env.DB, userId, { from, to, today, item });
  }

  /** A single tool call without a model, for clients with structured input (and tests). */
  async callTool(request: ProtocolToolCallRequest): Promise<Result<unknown>> {
    const parsed = protocolToolCallRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const { userId, requestId, now, name, arguments: args, callIndex } = parsed.data;
    return executeProtocolTool({ db: this.env.DB, userId, requestId, now: new Date(now) }, name, args, callIndex);
  }
}
