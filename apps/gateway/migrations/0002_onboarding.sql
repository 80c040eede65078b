-- Answers collected so far by onboarding Q&A, until the profile is complete.
CREATE TABLE onboarding_drafts (
  user_id TEXT PRIMARY KEY,
  draft TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
