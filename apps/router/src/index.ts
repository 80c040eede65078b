import { Trace, createModelClient, parseRouterOutput } from "@ensemble/ai";
import { classifyInContext } from "@ensemble/ai/local";
import {
  type ClassifyReply,
  type Result,
  SPECIALIST_DOMAINS,
  type SpecialistDomain,
  type OnboardReply,
  type RouterRpc,
  classifyRequestSchema,
  failure,
  onboardRequestSchema,
  internalWorkerResponse,
  success,
} from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { ROUTER_PROMPT } from "./prompt.ts";
import {
  ONBOARDING_PROMPT,
  type ProfileDraft,
  missingFields,
  nextQuestion,
  onboardingReplySchema,
  onboardingSkill,
  validFields,
} from "./onboarding.ts";

/** The router Worker: classifies messages into domains and runs onboarding Q&A. */
export default class RouterWorker extends WorkerEntrypoint<Env> implements RouterRpc {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return { worker: "router", ok: true };
  }

  async classify(input: z.input<typeof classifyRequestSchema>): Promise<Result<ClassifyReply>> {
    const parsed = classifyRequestSchema.safeParse(input);
    if (!parsed.success) return failure("bad_request", z.prettifyError(parsed.error));
    const trace = new Trace("router");
    const client = createModelClient({ env: this.env, worker: "router", trace });
    let answer: ReturnType<typeof parseRouterOutput> = null;
    try {
      const response = await client.chat("router", {
        messages: [
          { role: "system", content: ROUTER_PROMPT },
          // The previous message is context for a follow-up ("delete that"), not a message to classify.
          ...(parsed.data.previous
            ? [
                { role: "user" as const, content: parsed.data.previous },
                { role: "assistant" as const, content: "(answered)" },
              ]
            : []),
          { role: "user", content: parsed.data.text },
        ],
        responseFormat: "json",
      });
      answer = parseRouterOutput(response.text);
      if (!answer)
        trace.add({
          name: "router:parse",
          startMs: Date.now(),
          durationMs: 0,
          status: "error",
          detail: "malformed router output; using the local classifier",
        });
    } catch (error) {
      // Every model in the chain failed: the local classifier still answers, so routing never 5xxes.
      trace.add({
        name: "router:chain",
        startMs: Date.now(),
        durationMs: 0,
        status: "fallback",
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const source = answer ? "model" : "local-fallback";
    const decided = answer ?? classifyInContext(parsed.data.text, parsed.data.previous);
    const domains = normaliseDomains(decided.domain, decided.domains);
    return success({
      domain: decided.domain,
      confidence: Math.min(1, Math.max(0, decided.confidence)),
      domains,
      source,
      ledger: trace.ledger,
      spans: trace.spans,
    });
  }

  async onboard(input: z.input<typeof onboardRequestSchema>): Promise<Result<OnboardReply>> {
    const parsed = onboardRequestSchema.safeParse(input);
    if (!parsed.success) return failure("bad_request", z.prettifyError(parsed.error));
    const { message, now } = parsed.data;
    const draft = validFields(parsed.data.draft);
    const trace = new Trace("router");
    const client = createModelClient({
      env: this.env,
      worker: "router",
      trace,
      skills: [onboardingSkill],
      now: () => new Date(now),
    });
    let reply = nextQuestion(draft);
    let update: ProfileDraft = {};
    try {
      const response = await client.chat("onboarding", {
        messages: [
          { role: "system", content: `${ONBOARDING_PROMPT}\nKnown so far: ${JSON.stringify(draft)}` },
          { role: "user", content: message },
        ],
        responseFormat: "json",
        domain: "onboarding",
      });
      const answer = onboardingReplySchema.safeParse(parseJsonObject(response.text));
      if (answer.success) {
        update = validFields(answer.data.profile);
        reply = answer.data.reply;
      }
    } catch (error) {
      trace.add({
        name: "onboarding",
        startMs: Date.now(),
        durationMs: 0,
        status: "error",
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const merged = { ...draft, ...update };
    const complete = missingFields(merged).length === 0;
    return success({
      reply: complete ? "" : reply,
      draft: merged,
      learned: Object.keys(update),
      complete,
      ledger: trace.ledger,
      spans: trace.spans,
    });
  }
}

function normaliseDomains(domain: string, domains: readonly string[] | undefined): SpecialistDomain[] {
  const all = [domain, ...(domains ?? [])].filter((name): name is SpecialistDomain =>
    (SPECIALIST_DOMAINS as readonly string[]).includes(name),
  );
  return [...new Set(all)];
}

function parseJsonObject(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}
