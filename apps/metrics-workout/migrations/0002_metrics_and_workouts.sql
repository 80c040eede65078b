-- Body metrics and workouts. Every row carries user_id and every query filters by it.
-- Canonical units: kg for body weight and loads, cm for circumferences, metres and seconds for
-- cardio. The unit the user wrote is kept beside the value so replies can use it again.
-- Writes are idempotent per (user_id, idempotency_key): the key is `${requestId}:${write index}`.

CREATE TABLE body_metric_entries (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  measured_on TEXT NOT NULL,           -- YYYY-MM-DD
  measured_time TEXT,                  -- HH:MM, when the user said
  note TEXT,
  result_json TEXT NOT NULL,           -- what the write answered, replayed on a retry
  created_at TEXT NOT NULL,
  UNIQUE (user_id, idempotency_key)
);

CREATE TABLE body_metrics (
  id INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES body_metric_entries (id),
  user_id TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  measured_time TEXT,
  metric TEXT NOT NULL,                -- weight | body_fat | waist | hips | chest | neck | arm | thigh | calf
  value REAL NOT NULL,                 -- kg, %, or cm
  input_value REAL NOT NULL,
  input_unit TEXT NOT NULL,            -- kg | lb | % | cm | in
  unit_assumed INTEGER NOT NULL DEFAULT 0, -- 1 when the user gave no unit and it was inferred
  created_at TEXT NOT NULL
);
CREATE INDEX body_metrics_by_user ON body_metrics (user_id, metric, measured_on);

CREATE TABLE workouts (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  performed_on TEXT NOT NULL,          -- YYYY-MM-DD
  performed_time TEXT,
  title TEXT,
  type TEXT NOT NULL,                  -- strength | cardio | mixed | session
  duration_min REAL,
  notes TEXT,
  result_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX workouts_by_user ON workouts (user_id, performed_on);

CREATE TABLE workout_exercises (
  id TEXT PRIMARY KEY,
  workout_id TEXT NOT NULL REFERENCES workouts (id),
  user_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,                  -- normalised ("bench press")
  muscle_group TEXT NOT NULL,          -- chest | back | ... | cardio | mobility | sport | other
  kind TEXT NOT NULL,                  -- strength | cardio | session
  distance_m REAL,
  input_distance_unit TEXT,            -- km | mi | m
  duration_s REAL,
  notes TEXT
);
CREATE INDEX workout_exercises_by_user ON workout_exercises (user_id, name);
CREATE INDEX workout_exercises_by_workout ON workout_exercises (workout_id, position);

CREATE TABLE exercise_sets (
  id INTEGER PRIMARY KEY,
  exercise_id TEXT NOT NULL REFERENCES workout_exercises (id),
  workout_id TEXT NOT NULL REFERENCES workouts (id),
  user_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  reps INTEGER NOT NULL,
  load_kg REAL,                        -- null for bodyweight sets
  input_load REAL,
  input_unit TEXT,                     -- kg | lb
  unit_assumed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX exercise_sets_by_exercise ON exercise_sets (exercise_id, position);
CREATE INDEX exercise_sets_by_user ON exercise_sets (user_id, input_unit);
