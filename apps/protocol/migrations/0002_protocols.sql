-- Supplement protocols. Every row carries the user id the gateway passed; every query filters by it.
-- Dates are UTC calendar days (YYYY-MM-DD), times HH:MM.

CREATE TABLE protocol_items (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  -- The canonical key loose matching compares ("fish oil" for "Omega-3s").
  name_key TEXT NOT NULL,
  start_date TEXT NOT NULL,
  -- The first day without doses; NULL while the item runs.
  stopped_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX protocol_items_by_user ON protocol_items (user_id, name_key);

-- The schedule in force from a day on. A change adds a row, so adherence for earlier days still
-- counts against the schedule the user had then. times_per_day 0 is an as-needed item (one
-- logged without being in the protocol): it has intakes but no scheduled doses.
CREATE TABLE protocol_schedules (
  item_id TEXT NOT NULL REFERENCES protocol_items (id),
  user_id TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  dose REAL,
  unit TEXT,
  times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 0 AND 6),
  time_of_day TEXT NOT NULL,
  days_of_week TEXT NOT NULL,
  with_meals INTEGER NOT NULL CHECK (with_meals IN (0, 1)),
  PRIMARY KEY (item_id, effective_from)
);
CREATE INDEX protocol_schedules_by_user ON protocol_schedules (user_id);

-- Paused days are start_date up to, not including, resume_on (NULL: until resumed).
CREATE TABLE protocol_pauses (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES protocol_items (id),
  user_id TEXT NOT NULL,
  start_date TEXT NOT NULL,
  resume_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX protocol_pauses_by_user ON protocol_pauses (user_id, item_id);

CREATE TABLE protocol_intakes (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES protocol_items (id),
  taken_date TEXT NOT NULL,
  taken_time TEXT NOT NULL,
  dose REAL,
  unit TEXT,
  -- The words the user used ("my omega-3s"), kept for the record.
  said TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX protocol_intakes_by_user_date ON protocol_intakes (user_id, taken_date);

-- One row per write a request made, keyed by request id and the write's index in it: a retried
-- request finds its row and gets the first answer back instead of writing twice.
CREATE TABLE protocol_requests (
  user_id TEXT NOT NULL,
  request_key TEXT NOT NULL,
  tool TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, request_key)
);
