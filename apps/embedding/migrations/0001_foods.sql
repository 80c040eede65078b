-- Placeholder replaced by the food database issue.
CREATE TABLE IF NOT EXISTS foods (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
