// The day's supplement checklist for `GET /v1/summary`: every item that runs that day (or was
// taken that day), with the doses due and the doses taken.
import type { ProtocolDayItem, ProtocolDaySummary } from "@ensemble/contracts";
import { scheduledOn, statusOn } from "./adherence.ts";
import { loadIntakes, loadState, toProtocolItem } from "./store.ts";

export async function daySummary(db: D1Database, userId: string, date: string): Promise<ProtocolDaySummary> {
  const state = await loadState(db, userId);
  const intakes = await loadIntakes(db, userId, date, date);
  const items: ProtocolDayItem[] = [];
  for (const item of state.items) {
    const pauses = state.pauses.get(item.id) ?? [];
    const status = statusOn(item, pauses, date);
    const times = intakes.filter((intake) => intake.itemId === item.id).map((intake) => intake.time);
    const started = item.startDate <= date;
    if (times.length === 0 && (!started || status === "stopped" || item.asNeeded)) continue;
    const scheduled = scheduledOn(item, state.schedules.get(item.id) ?? [], pauses, date);
    const taken = Math.min(times.length, scheduled === 0 ? times.length : scheduled);
    let dayState: ProtocolDayItem["state"];
    if (item.asNeeded) dayState = "as-needed";
    else if (status === "paused") dayState = "paused";
    else if (scheduled === 0) dayState = "not-scheduled";
    else if (taken >= scheduled) dayState = "done";
    else if (taken > 0) dayState = "partly";
    else dayState = "due";
    const view = toProtocolItem(item, state, date);
    items.push({
      itemId: item.id,
      name: item.name,
      description: view.description,
      status,
      asNeeded: item.asNeeded,
      scheduled,
      taken,
      takenTimes: times,
      state: dayState,
    });
  }
  const totals = items.reduce(
    (sum, item) => ({
      scheduled: sum.scheduled + item.scheduled,
      taken: sum.taken + Math.min(item.taken, item.scheduled),
    }),
    { scheduled: 0, taken: 0 },
  );
  return { date, items, totals };
}
