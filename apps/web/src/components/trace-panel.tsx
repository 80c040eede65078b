// One request's trace: where it was routed and how sure the router was, the models and tools
// used, what fell back, every span on a timeline, and what it cost. Shows the reply's own trace at
// once and adds the stored usage ledger (providers, model latency) when it arrives.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import type { ChatResponseBody } from "../api/types.ts";
import { cost, milliseconds, percent, whole } from "../format.ts";
import { type TraceView, traceView, traceViewOfStored } from "../trace-view.ts";

interface Props {
  id: string;
  api: Api;
  requestId: string;
  response: ChatResponseBody | undefined;
}

export function TracePanel({ id, api, requestId, response }: Props) {
  const [view, setView] = useState<TraceView | null>(() => (response ? traceView(response, undefined) : null));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .getTrace(requestId)
      .then((stored) => !cancelled && setView(traceViewOfStored(stored)))
      .catch((failure: unknown) => !cancelled && setError(describeError(failure)));
    return () => {
      cancelled = true;
    };
  }, [requestId]);

  if (!view) {
    return (
      <section id={id} class="trace" aria-label="Trace">
        {error ? <p class="inline-error">{error}</p> : <p>Loading the trace…</p>}
      </section>
    );
  }
  const scale = view.totalMs > 0 ? view.totalMs : 1;
  const start = view.spans.length > 0 ? Math.min(...view.spans.map((span) => span.startMs)) : 0;
  return (
    <section id={id} class="trace" aria-label="Trace">
      <dl class="trace-facts">
        <div>
          <dt>Route</dt>
          <dd>
            {view.route.path}
            {view.route.domains.length > 0 && ` → ${view.route.domains.join(", ")}`}
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>{percent(view.route.confidence)}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{milliseconds(view.totalMs)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>
            {cost(view.costUsd)}{" "}
            <span class="muted">
              ({whole(view.inputTokens)} in / {whole(view.outputTokens)} out tokens)
            </span>
          </dd>
        </div>
      </dl>

      <h4>Models</h4>
      {view.models.length === 0 ? (
        <p class="muted">No model was called.</p>
      ) : (
        <ul class="trace-list">
          {view.models.map((model) => (
            <li key={`${model.provider}:${model.model}`}>
              <code>{model.provider ? `${model.provider}:${model.model}` : model.model}</code> × {model.calls}
              <span class="muted">
                {" "}
                · {whole(model.inputTokens)}/{whole(model.outputTokens)} tokens{model.estimated ? " (estimated)" : ""} ·{" "}
                {cost(model.costUsd)}
                {model.latencyMs !== undefined && ` · ${milliseconds(model.latencyMs)}`}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h4>Tools</h4>
      {view.tools.length === 0 ? (
        <p class="muted">No tool was called.</p>
      ) : (
        <ul class="trace-list">
          {view.tools.map((call, index) => (
            <li key={index}>
              <span class={`chip ${call.ok ? "ok" : "bad"}`}>{call.ok ? "ok" : "failed"}</span> <code>{call.name}</code>
              <span class="muted"> ({call.domain})</span>
              {call.error && <span class="tool-error"> {call.error}</span>}
              <details>
                <summary>Arguments</summary>
                <pre>{JSON.stringify(call.arguments, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}

      <h4>Fallbacks</h4>
      {view.fallbacks.length === 0 ? (
        <p class="muted">None: every step succeeded first time.</p>
      ) : (
        <ul class="trace-list">
          {view.fallbacks.map((span, index) => (
            <li key={index}>
              <span class="chip bad">{span.status}</span> {span.name} <span class="muted">({span.worker})</span>
              {span.detail && <span class="muted"> · {span.detail}</span>}
            </li>
          ))}
        </ul>
      )}

      <h4>Spans</h4>
      <table class="spans">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Worker · model</th>
            <th scope="col" class="number">
              Time
            </th>
            <th scope="col" class="timeline-header">
              <span class="visually-hidden">Timeline</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.spans.map((span, index) => (
            <tr key={index} class={span.status === "ok" ? "" : "not-ok"}>
              <td>
                {span.name}
                {span.status !== "ok" && <span class="chip bad">{span.status}</span>}
              </td>
              <td class="muted">
                {span.worker}
                {span.model && ` · ${span.model}`}
              </td>
              <td class="number">{milliseconds(span.durationMs)}</td>
              <td class="timeline" aria-hidden="true">
                <span
                  class="bar"
                  style={{
                    left: `${((span.startMs - start) / scale) * 100}%`,
                    width: `${Math.max(0.8, (span.durationMs / scale) * 100)}%`,
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">
        Request <code>{view.requestId}</code> · config <code>{view.configHash}</code>
        {error && ` · stored trace unavailable: ${error}`}
      </p>
    </section>
  );
}
