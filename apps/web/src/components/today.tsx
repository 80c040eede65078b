// Today at a glance: rings against the daily targets, the day's meals, the supplement checklist,
// recent workouts and the weight trend. Reloads whenever a chat reply may have changed the data.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { ApiError, describeError } from "../api/errors.ts";
import {
  type BodyMetricsReply,
  type DaySummaryResponse,
  type MealDaySummary,
  type ProtocolDaySummary,
  type StoredProfile,
  type TrainingDaySummary,
  type WorkoutSession,
  type WorkoutsReply,
  isUnavailable,
} from "../api/types.ts";
import { addDays, oneDecimal, shortDate, todayIso, whole } from "../format.ts";
import { ProfileForm } from "./profile-form.tsx";
import { Rings } from "./rings.tsx";
import { WeightChart } from "./weight-chart.tsx";

interface Props {
  api: Api;
  refreshKey: number;
  onAsk(text: string): void;
}

interface Loaded {
  profile: StoredProfile | null;
  summary: DaySummaryResponse;
  metrics: BodyMetricsReply | ApiError;
  workouts: WorkoutsReply | ApiError;
}

const WEIGHT_DAYS = 90;
const WORKOUT_DAYS = 14;

/** The gateway answered "No such route": the endpoint is not deployed (yet), not a failure of the data. */
function missingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === "not_found";
}

export function Today({ api, refreshKey, onAsk }: Props) {
  const [date] = useState(() => todayIso());
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const settle = <T,>(promise: Promise<T>) =>
      promise.catch((failure: unknown) => (failure instanceof ApiError ? failure : Promise.reject(failure)));
    Promise.all([
      api.getProfile(),
      api.getSummary(date),
      settle(api.getBodyMetrics(addDays(date, -(WEIGHT_DAYS - 1)), date)),
      settle(api.getWorkouts(addDays(date, -(WORKOUT_DAYS - 1)), date)),
    ])
      .then(([profile, summary, metrics, workouts]) => {
        if (cancelled) return;
        setData({ profile, summary, metrics, workouts });
        setError(null);
      })
      .catch((failure: unknown) => !cancelled && setError(failure))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [refreshKey, reloads]);

  const reload = () => setReloads((count) => count + 1);

  return (
    <div class="today" aria-busy={loading}>
      <div class="today-heading">
        <h2>
          Today <span class="muted">{shortDate(date)}</span>
        </h2>
        <button type="button" class="quiet" onClick={reload} disabled={loading}>
          {loading ? "Loading…" : "Refresh"}
        </button>
      </div>
      {error !== null && (
        <div class="inline-error" role="alert">
          <p>{describeError(error)}</p>
          <button type="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {data === null && error === null && <p class="muted">Loading today…</p>}
      {data && (
        <>
          <section class="card" aria-labelledby="targets-heading">
            <h3 id="targets-heading" class="visually-hidden">
              Energy and macros
            </h3>
            {data.profile && !editing ? (
              <>
                <Rings totals={foodTotals(data.summary.food)} targets={data.summary.targets ?? data.profile.targets} />
                <button type="button" class="link" onClick={() => setEditing(true)}>
                  Edit profile and targets
                </button>
              </>
            ) : (
              <ProfileForm
                api={api}
                current={data.profile?.profile ?? null}
                onSaved={() => {
                  setEditing(false);
                  reload();
                }}
                onCancel={data.profile ? () => setEditing(false) : undefined}
              />
            )}
          </section>
          <Meals food={data.summary.food} />
          <Supplements supplements={data.summary.supplements} onAsk={onAsk} />
          <Workouts workouts={data.workouts} training={data.summary.training} />
          <Weight metrics={data.metrics} training={data.summary.training} />
        </>
      )}
    </div>
  );
}

function foodTotals(food: DaySummaryResponse["food"]) {
  return isUnavailable(food) ? { energyKcal: 0, proteinG: 0, carbohydrateG: 0, fatG: 0 } : food.day.totals;
}

function Unavailable({ what, reason }: { what: string; reason: string }) {
  return (
    <p class="inline-error">
      {what} could not be loaded: {reason}
    </p>
  );
}

function Meals({ food }: { food: DaySummaryResponse["food"] }) {
  return (
    <section class="card" aria-labelledby="meals-heading">
      <h3 id="meals-heading">Meals</h3>
      {isUnavailable(food) ? <Unavailable what="Meals" reason={food.unavailable} /> : <MealList food={food} />}
    </section>
  );
}

function MealList({ food }: { food: MealDaySummary }) {
  if (food.meals.length === 0)
    return <p class="muted">Nothing logged yet. Tell the coach what you ate, or send a photo.</p>;
  return (
    <ul class="meal-list">
      {food.meals.map((meal) => (
        <li key={meal.id}>
          <div class="row">
            <strong class="capitalize">{meal.mealType}</strong>
            <span class="muted">{meal.time}</span>
            <span class="spacer" />
            <span>{whole(meal.totals.energyKcal)} kcal</span>
          </div>
          <p class="muted small">
            {meal.items.map((item, index) => (
              <span key={index} title={`${item.foodName}: ${item.portion}`}>
                {index > 0 && ", "}
                {item.description} ({whole(item.grams)} g)
              </span>
            ))}
            {` · P ${whole(meal.totals.proteinG)} g · C ${whole(meal.totals.carbohydrateG)} g · F ${whole(meal.totals.fatG)} g`}
          </p>
        </li>
      ))}
    </ul>
  );
}

const STATE_LABEL: Record<string, string> = {
  done: "taken",
  partly: "partly taken",
  due: "due",
  "not-scheduled": "not today",
  paused: "paused",
  "as-needed": "as needed",
};

function Supplements({
  supplements,
  onAsk,
}: {
  supplements: DaySummaryResponse["supplements"];
  onAsk(text: string): void;
}) {
  return (
    <section class="card" aria-labelledby="supplements-heading">
      <h3 id="supplements-heading">Supplements</h3>
      {isUnavailable(supplements) ? (
        <Unavailable what="Supplements" reason={supplements.unavailable} />
      ) : (
        <SupplementList day={supplements} onAsk={onAsk} />
      )}
    </section>
  );
}

function SupplementList({ day, onAsk }: { day: ProtocolDaySummary; onAsk(text: string): void }) {
  if (day.items.length === 0)
    return <p class="muted">No supplement protocol yet. Tell the coach, e.g. “I take 5 g creatine every morning”.</p>;
  return (
    <>
      <p class="muted small">
        {day.totals.taken} of {day.totals.scheduled} doses taken
      </p>
      <ul class="checklist">
        {day.items.map((item) => (
          <li key={item.itemId} class={`state-${item.state}`}>
            <span class="check" role="img" aria-label={STATE_LABEL[item.state] ?? item.state}>
              {item.state === "done" ? "✓" : item.state === "partly" ? "◐" : ""}
            </span>
            <span class="grow">
              <strong>{item.name}</strong> <span class="muted small">{item.description}</span>
              <br />
              <span class="muted small">
                {STATE_LABEL[item.state] ?? item.state}
                {item.scheduled > 0 && ` · ${item.taken}/${item.scheduled}`}
                {item.takenTimes.length > 0 && ` · at ${item.takenTimes.join(", ")}`}
              </span>
            </span>
            {(item.state === "due" || item.state === "partly") && (
              <button type="button" class="quiet small" onClick={() => onAsk(`I took my ${item.name}`)}>
                Log it
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Workouts({
  workouts,
  training,
}: {
  workouts: WorkoutsReply | ApiError;
  training: DaySummaryResponse["training"];
}) {
  let sessions: WorkoutSession[] | null = null;
  let note: string | null = null;
  if (!(workouts instanceof ApiError))
    sessions = [...workouts.sessions].sort((left, right) => right.date.localeCompare(left.date)).slice(0, 5);
  else if (!isUnavailable(training)) {
    sessions = (training as TrainingDaySummary).workouts ?? [];
    note = missingEndpoint(workouts)
      ? "Showing today only: this gateway has no workout history endpoint yet."
      : describeError(workouts);
  } else note = isUnavailable(training) ? training.unavailable : describeError(workouts);
  return (
    <section class="card" aria-labelledby="workouts-heading">
      <h3 id="workouts-heading">Recent workouts</h3>
      {note && <p class="muted small">{note}</p>}
      {sessions && sessions.length === 0 && (
        <p class="muted">
          No workouts {workouts instanceof ApiError ? "today" : `in the last ${WORKOUT_DAYS} days`}. Log one in chat:
          “ran 5 km in 28 minutes”.
        </p>
      )}
      {sessions && sessions.length > 0 && (
        <ul class="workout-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <div class="row">
                <strong>
                  {session.title ?? `${session.type.charAt(0).toUpperCase()}${session.type.slice(1)} session`}
                </strong>
                <span class="spacer" />
                <span class="muted">{shortDate(session.date)}</span>
              </div>
              <p class="muted small">{session.exercises.map(describeExercise).join(" · ")}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeExercise(exercise: WorkoutSession["exercises"][number]): string {
  const sets = exercise.sets.map(
    (set) =>
      `${set.count}×${set.reps}${set.load === null ? "" : ` @ ${oneDecimal(set.load)} ${set.unit ?? ""}`.trimEnd()}`,
  );
  const distance = exercise.distance === null ? "" : `${oneDecimal(exercise.distance)} ${exercise.distanceUnit ?? ""}`;
  const duration = exercise.durationMinutes === null ? "" : `${whole(exercise.durationMinutes)} min`;
  return [exercise.name, ...sets, distance, duration].filter(Boolean).join(" ");
}

function Weight({
  metrics,
  training,
}: {
  metrics: BodyMetricsReply | ApiError;
  training: DaySummaryResponse["training"];
}) {
  const series =
    metrics instanceof ApiError ? undefined : metrics.series.find((candidate) => candidate.metric === "weight");
  const latest = isUnavailable(training)
    ? undefined
    : (training as TrainingDaySummary).bodyMetrics?.find((metric) => metric.metric === "weight");
  return (
    <section class="card" aria-labelledby="weight-heading">
      <h3 id="weight-heading">Weight</h3>
      {metrics instanceof ApiError && (
        <p class="muted small">
          {missingEndpoint(metrics)
            ? "The weight history is not available from this gateway yet."
            : describeError(metrics)}
          {latest && ` Latest: ${oneDecimal(latest.value)} ${latest.unit} on ${shortDate(latest.date)}.`}
        </p>
      )}
      {!(metrics instanceof ApiError) &&
        (series && series.points.length > 0 ? (
          <WeightChart series={series} />
        ) : (
          <p class="muted">
            No weigh-ins in the last {WEIGHT_DAYS} days. Tell the coach “I weighed 80.4 kg this morning”.
          </p>
        ))}
    </section>
  );
}
