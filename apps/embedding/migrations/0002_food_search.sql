-- The USDA SR24 food database and its search indexes. Replaces the placeholder table of 0001.
-- Rows are written by apps/embedding/scripts/load-foods.ts (start command) and by
-- apps/embedding/test/seed-foods.ts (tests); both go through src/food-rows.ts.
DROP TABLE IF EXISTS foods;

CREATE TABLE foods (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  food_group TEXT NOT NULL,
  -- 1 for foods USDA had already dropped before SR24 but still ships; search prefers the others.
  deprecated INTEGER NOT NULL DEFAULT 0 CHECK (deprecated IN (0, 1)),
  -- Per 100 g; NULL means USDA has no value, not zero.
  energy_kcal REAL,
  protein_g REAL,
  carbohydrate_g REAL,
  fat_g REAL,
  fiber_g REAL,
  sugars_g REAL,
  sodium_mg REAL,
  saturated_fat_g REAL,
  -- JSON [[name, grams of one unit], ...], e.g. [["cup, chopped", 91]].
  measures TEXT NOT NULL DEFAULT '[]'
);

-- Lexical search: BM25 over the stemmed terms of each name (rowid = food id), computed by
-- src/search/text.ts so the index and the ranking code agree on what matched. `head` is the
-- name's first segment (what the food is: "Bananas" in "Bananas, raw"), `rest` the qualifiers;
-- bm25() weighs them apart.
CREATE VIRTUAL TABLE foods_fts USING fts5(head, rest, tokenize = 'unicode61');

-- Every indexed term with the number of foods it occurs in: spelling correction and IDF.
CREATE VIRTUAL TABLE foods_terms USING fts5vocab(foods_fts, 'row');

-- Vectors for the in-memory index, in chunks of consecutive foods so a cold start reads a few
-- hundred rows instead of 8,858 (and each statement stays under D1's 100 KB limit).
-- Base64 text, because D1 returns BLOBs as arrays of numbers (slow for megabytes): ids are
-- little-endian int32 per food, vectors int8 (`dimensions` per food), scales float32 per food.
CREATE TABLE food_vector_chunks (
  chunk INTEGER PRIMARY KEY,
  ids TEXT NOT NULL,
  vectors TEXT NOT NULL,
  scales TEXT NOT NULL
);

-- What is loaded: dataset version (a hash of the dataset), embedding model, dimensions, counts.
CREATE TABLE food_dataset (key TEXT PRIMARY KEY, value TEXT NOT NULL);
