// The decision tree for one chat message: which Workers and models serve it.
//   1. image present         -> vision Worker, then the meal specialist
//   2. text                  -> the router classifies it ({domain, confidence, domains})
//   3. one domain, confident -> that specialist, with only its own tools
//   4. unsure or several     -> the coordinator fans out and synthesises
//   5. general               -> a coaching answer without tools (or onboarding for a new user)
import type { Bindings } from "./env.ts";
import { Trace } from "@ensemble/ai";
import {
  type ClassifyReply,
  type CoordinateReply,
  type CoordinateRequest,
  type Domain,
  type ErrorCode,
  type GeneralReply,
  type LiveListener,
  type Result,
  type SpecialistReply,
  type OnboardReply,
  type SpecialistDomain,
  type SpecialistRequest,
  type Targets,
  type ToolCallRecord,
  type Trail,
  profileSchema,
  readLiveEvents,
} from "@ensemble/contracts";
import type { AcceptedImage } from "./image.ts";
import { toBase64 } from "./image.ts";
import { workerBinding } from "./health.ts";
import { computeTargets } from "./targets.ts";
import type { StoredProfile } from "./storage.ts";
import { deleteOnboardingDraft, getOnboardingDraft, saveOnboardingDraft, saveProfile } from "./storage.ts";

export type RoutePath = "specialist" | "coordinator" | "general" | "onboarding" | "vision";

export interface Route {
  path: RoutePath;
  domains: string[];
  confidence: number;
}

export interface DispatchInput {
  userId: string;
  requestId: string;
  message: string;
  image?: AcceptedImage;
  history: { role: "user" | "assistant"; content: string }[];
  profile: StoredProfile | null;
  now: string;
  /** The eval harness's gold route (see app.ts, X-Eval-Force-Route): classification is skipped. */
  forcedDomains?: Domain[];
}

/**
 * Live events for a streamed answer. With `onToken` set, dispatch calls the Workers' streaming
 * methods, so text and tool calls arrive as the specialists produce them.
 */
export interface DispatchEvents extends LiveListener {
  onRoute?(route: Route): void;
}

export interface DispatchOutcome {
  reply: string;
  route: Route;
  toolCalls: ToolCallRecord[];
  trace: Trace;
}

/** A failure that leaves no answer at all; the HTTP layer turns it into a 5xx envelope. */
export class DispatchError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const DEFAULT_THRESHOLD = 0.6;

export function routeThreshold(environment: Bindings, domain: SpecialistDomain): number {
  const variables: Record<SpecialistDomain, string | undefined> = {
    meal: environment.ROUTE_THRESHOLD_MEAL,
    protocol: environment.ROUTE_THRESHOLD_PROTOCOL,
    "metrics-workout": environment.ROUTE_THRESHOLD_METRICS_WORKOUT,
  };
  const value = Number(variables[domain] ?? DEFAULT_THRESHOLD);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : DEFAULT_THRESHOLD;
}

const GETTING_STARTED =
  /^(?:hi|hey|hello|yo|hiya|howdy|good (?:morning|afternoon|evening))\b|\b(get(?:ting)? started|set ?up|onboard|start over|new here|set my (?:targets|goals)|calculate my (?:targets|calories|macros))\b/i;

export async function dispatch(
  environment: Bindings,
  input: DispatchInput,
  events: DispatchEvents = {},
): Promise<DispatchOutcome> {
  const trace = new Trace("gateway");
  const toolCalls: ToolCallRecord[] = [];
  const specialistRequest: SpecialistRequest = {
    userId: input.userId,
    requestId: input.requestId,
    message: input.message || "(photo)",
    history: input.history,
    now: input.now,
    ...(input.profile ? { targets: input.profile.targets } : {}),
  };
  const chooseRoute = (route: Route) => {
    events.onRoute?.(route);
    return route;
  };
  // Tool calls reach a live listener from the Workers' streams as they happen, not from here.
  const collect = (trail: Trail & { toolCalls?: ToolCallRecord[] }) => {
    trace.merge(trail);
    toolCalls.push(...(trail.toolCalls ?? []));
  };
  const live = events.onToken !== undefined;
  const listen = <T>(stream: Promise<ReadableStream<Uint8Array>>): Promise<Result<T>> =>
    stream.then((body) => readLiveEvents<T>(body, events));
  const askSpecialist = (domain: SpecialistDomain, request: SpecialistRequest): Promise<Result<SpecialistReply>> => {
    const worker = workerBinding(environment, domain);
    return live ? listen(worker.handleStream(request)) : worker.handle(request);
  };
  const askCoordinator = (request: CoordinateRequest): Promise<Result<CoordinateReply>> =>
    live ? listen(environment.COORDINATOR.coordinateStream(request)) : environment.COORDINATOR.coordinate(request);
  const askGeneral = (request: SpecialistRequest): Promise<Result<GeneralReply>> =>
    live ? listen(environment.COORDINATOR.generalStream(request)) : environment.COORDINATOR.general(request);

  // 1. A photo: the vision model sees it, the meal specialist decides what to log.
  if (input.image) {
    const route = chooseRoute({ path: "vision", domains: ["meal"], confidence: 1 });
    const seen = await trace.span("vision", () =>
      environment.VISION.analyse({
        requestId: input.requestId,
        image: toBase64(input.image!.bytes),
        mediaType: input.image!.mediaType,
        text: input.message,
      }),
    );
    if (!seen.ok) throw new DispatchError(dispatchCode(seen.error.code), seen.error.message);
    collect(seen.value);
    const items = seen.value.items;
    route.confidence = items.length > 0 ? Math.min(...items.map((item) => item.confidence)) : 0;
    // Nothing seen and nothing said: there is nothing to log, so ask rather than guess.
    if (items.length === 0 && !input.message.trim()) {
      return { reply: describeRequest(seen.value.notes), route, toolCalls, trace };
    }
    const meal = await trace.span("specialist:meal", () =>
      askSpecialist("meal", { ...specialistRequest, message: input.message.trim() || "(photo)", visionItems: items }),
    );
    if (!meal.ok) throw new DispatchError(dispatchCode(meal.error.code), meal.error.message);
    collect(meal.value);
    return { reply: meal.value.reply, route, toolCalls, trace };
  }

  // 2. Text: classify. The router always answers (its local classifier covers model failures).
  let decision: ClassifyReply;
  if (input.forcedDomains) {
    decision = forcedDecision(input.forcedDomains);
    trace.add({
      name: "classify",
      startMs: Date.now(),
      durationMs: 0,
      status: "skipped",
      detail: "route forced by the eval harness",
    });
  } else {
    const classified = await trace.span("classify", () =>
      environment.ROUTER.classify({
        requestId: input.requestId,
        text: input.message,
        previous: previousUserMessage(input),
      }),
    );
    if (!classified.ok) throw new DispatchError("unavailable", classified.error.message);
    decision = classified.value;
    collect(decision);
  }

  const confidentSpecialist =
    decision.domain !== "general" &&
    decision.domains.length <= 1 &&
    decision.confidence >= routeThreshold(environment, decision.domain as SpecialistDomain);

  // Users without a profile get onboarding Q&A when they greet, ask to start, describe themselves,
  // or are in the middle of it; a confident domain request is never blocked by a missing profile.
  if (!input.profile && !input.forcedDomains && decision.domains.length <= 1) {
    const draft = await getOnboardingDraft(environment.DB, input.userId);
    const wantsToStart = decision.domain === "general" && GETTING_STARTED.test(input.message);
    if (draft || wantsToStart || decision.domain === "general") {
      const answer = await trace.span("onboarding", () =>
        environment.ROUTER.onboard({
          requestId: input.requestId,
          message: input.message,
          draft: draft ?? {},
          now: input.now,
        }),
      );
      if (!answer.ok) throw new DispatchError("model_error", answer.error.message);
      // Without a draft, one field is too little to tell a self-description from a question
      // ("how do I lose fat?" names a goal); two or more fields is someone introducing themselves.
      const learned = answer.value.learned.length >= (draft ? 1 : 2);
      if (learned || wantsToStart || (draft && !confidentSpecialist)) {
        trace.merge(answer.value);
        const route = chooseRoute({ path: "onboarding", domains: [], confidence: decision.confidence });
        return { reply: await finishOnboarding(environment, input, answer.value), route, toolCalls, trace };
      }
    }
  }

  // 3. One confident domain: straight to its specialist.
  if (confidentSpecialist) {
    const domain = decision.domain as SpecialistDomain;
    const route = chooseRoute({ path: "specialist", domains: [domain], confidence: decision.confidence });
    const answer = await trace.span(`specialist:${domain}`, () => askSpecialist(domain, specialistRequest));
    if (!answer.ok)
      throw new DispatchError(answer.error.retryable ? "unavailable" : "model_error", answer.error.message);
    collect(answer.value);
    return { reply: answer.value.reply, route, toolCalls, trace };
  }

  // 4. Several domains, or one without enough confidence: the coordinator.
  if (decision.domains.length > 0) {
    const route = chooseRoute({ path: "coordinator", domains: decision.domains, confidence: decision.confidence });
    const answer = await trace.span("coordinate", () =>
      askCoordinator({ ...specialistRequest, domains: decision.domains }),
    );
    if (!answer.ok) throw new DispatchError("unavailable", answer.error.message);
    collect(answer.value);
    if (answer.value.branches.every((branch) => branch.status !== "ok")) {
      throw new DispatchError("unavailable", "no specialist could answer right now; please try again");
    }
    return { reply: answer.value.reply, route, toolCalls, trace };
  }

  // 5. General coaching, no tools.
  const route = chooseRoute({ path: "general", domains: ["general"], confidence: decision.confidence });
  const answer = await trace.span("general", () => askGeneral(specialistRequest));
  if (!answer.ok) throw new DispatchError("model_error", answer.error.message);
  collect(answer.value);
  return { reply: answer.value.reply, route, toolCalls, trace };
}

function describeRequest(notes: string[]): string {
  const facts = notes.length > 0 ? ` (${notes[0]})` : "";
  return `I got your photo${facts}, but I can't tell what's in it from the picture alone. What did you eat, and roughly how much? For example: "grilled chicken breast, a cup of rice and some broccoli".`;
}

/** Keeps a Worker's own error code when it means the same at the HTTP edge; anything else is "unavailable". */
function dispatchCode(code: ErrorCode): ErrorCode {
  return code === "internal" || code === "not_found" || code === "conflict" ? "unavailable" : code;
}

function forcedDecision(domains: Domain[]): ClassifyReply {
  const specialists = domains.filter((domain): domain is SpecialistDomain => domain !== "general");
  return {
    domain: specialists[0] ?? "general",
    confidence: 1,
    domains: specialists,
    source: "model",
    ledger: [],
    spans: [],
  };
}

/** Keeps the draft, or stores the profile with targets computed in code once every field is known. */
async function finishOnboarding(environment: Bindings, input: DispatchInput, answer: OnboardReply): Promise<string> {
  if (!answer.complete) {
    await saveOnboardingDraft(environment.DB, input.userId, answer.draft, input.now);
    return answer.reply;
  }
  // The router checked every field; the profile schema checks again before anything is stored.
  const profile = profileSchema.parse(answer.draft);
  const targets = computeTargets(profile);
  await saveProfile(environment.DB, input.userId, profile, targets, input.now);
  await deleteOnboardingDraft(environment.DB, input.userId);
  return describeTargets(targets);
}

export function describeTargets(targets: Targets): string {
  return `You're all set! Your daily targets: ${targets.energyKcal} kcal, ${targets.proteinG} g protein, ${targets.carbohydrateG} g carbohydrate and ${targets.fatG} g fat. Log your first meal whenever you're ready, e.g. "two eggs and toast for breakfast".`;
}

/** The user's previous message in this conversation, the context of a follow-up ("delete that"). */
function previousUserMessage(input: DispatchInput): string | undefined {
  const previous = input.history.findLast((turn) => turn.role === "user")?.content;
  return previous === undefined || previous.trim() === "" ? undefined : previous.slice(0, 4000);
}
