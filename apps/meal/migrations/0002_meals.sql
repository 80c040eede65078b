-- Meals and their items. Macros are stored as computed at logging time (per-100 g values of the
-- USDA food times the grams), so a later change to the food data never rewrites history.
CREATE TABLE meals (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  -- `${requestId}:log_meal:${n}`: a retried request finds its meal instead of logging it twice.
  idempotency_key TEXT NOT NULL,
  meal_type TEXT NOT NULL CHECK (meal_type IN ('breakfast', 'lunch', 'dinner', 'snack')),
  eaten_on TEXT NOT NULL,
  eaten_time TEXT NOT NULL,
  eaten_at TEXT NOT NULL,
  note TEXT,
  energy_kcal REAL NOT NULL,
  protein_g REAL NOT NULL,
  carbohydrate_g REAL NOT NULL,
  fat_g REAL NOT NULL,
  logged_at TEXT NOT NULL,
  UNIQUE (user_id, idempotency_key)
);

CREATE INDEX meals_by_user_day ON meals (user_id, eaten_on, eaten_at);
CREATE INDEX meals_by_user_logged ON meals (user_id, logged_at);

CREATE TABLE meal_items (
  meal_id TEXT NOT NULL REFERENCES meals (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  food_id INTEGER NOT NULL,
  food_name TEXT NOT NULL,
  quantity REAL NOT NULL,
  unit TEXT NOT NULL,
  grams REAL NOT NULL,
  portion TEXT NOT NULL,
  energy_kcal REAL NOT NULL,
  protein_g REAL NOT NULL,
  carbohydrate_g REAL NOT NULL,
  fat_g REAL NOT NULL,
  PRIMARY KEY (meal_id, position)
);

CREATE INDEX meal_items_by_user ON meal_items (user_id, meal_id);

-- One row per delete request, so a retried "delete my last meal" does not delete a second meal.
-- Holds only what the reply needs to repeat itself: which meal, and a one-line description.
CREATE TABLE meal_deletions (
  user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  meal_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
