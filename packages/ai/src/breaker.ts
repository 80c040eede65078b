// A circuit breaker per model. After `threshold` consecutive failures the model is skipped for
// `cooldownMs`, so a model that is down costs one fast skip instead of a timeout per request.
// After the cooldown one trial call is let through (half-open): success closes the circuit,
// failure opens it for another cooldown.
//
// State lives at module level, i.e. per Worker isolate. That is the realistic scope: an isolate
// serves many requests in a row, and isolates do not share memory.

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerSettings {
  threshold: number;
  cooldownMs: number;
}

interface Circuit {
  failures: number;
  openedAtMs: number | undefined;
  trialInFlight: boolean;
}

const circuits = new Map<string, Circuit>();

function circuitFor(key: string): Circuit {
  let circuit = circuits.get(key);
  if (!circuit) {
    circuit = { failures: 0, openedAtMs: undefined, trialInFlight: false };
    circuits.set(key, circuit);
  }
  return circuit;
}

export function breakerState(key: string, settings: BreakerSettings, nowMs: number): BreakerState {
  const circuit = circuits.get(key);
  if (!circuit || circuit.openedAtMs === undefined) return "closed";
  return nowMs - circuit.openedAtMs >= settings.cooldownMs ? "half-open" : "open";
}

/** Whether a call may go to the model now. In half-open state only one trial call at a time. */
export function breakerAllows(key: string, settings: BreakerSettings, nowMs: number): boolean {
  const state = breakerState(key, settings, nowMs);
  if (state === "closed") return true;
  if (state === "open") return false;
  const circuit = circuitFor(key);
  if (circuit.trialInFlight) return false;
  circuit.trialInFlight = true;
  return true;
}

export function recordSuccess(key: string): void {
  const circuit = circuitFor(key);
  circuit.failures = 0;
  circuit.openedAtMs = undefined;
  circuit.trialInFlight = false;
}

/** Returns the state after the failure, so callers can stop retrying a model that just tripped. */
export function recordFailure(key: string, settings: BreakerSettings, nowMs: number): BreakerState {
  const circuit = circuitFor(key);
  circuit.failures += 1;
  const wasTrial = circuit.trialInFlight;
  circuit.trialInFlight = false;
  if (wasTrial || circuit.failures >= settings.threshold) {
    circuit.openedAtMs = nowMs;
    return "open";
  }
  return "closed";
}

/** A call that ended without a verdict (the caller gave up): let the next trial through. */
export function recordAbandoned(key: string): void {
  const circuit = circuits.get(key);
  if (circuit) circuit.trialInFlight = false;
}

/** Forgets every circuit. For tests, and for a Worker that wants a clean start. */
export function resetCircuitBreakers(): void {
  circuits.clear();
}
