-- Each message names the request that produced it, so a client can open its trace.
ALTER TABLE messages ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
