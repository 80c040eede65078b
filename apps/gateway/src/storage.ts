// The gateway's own data: users, profiles, conversations, their messages, and request traces.
// Every function takes the user id from the verified token and scopes its query by it.
import type { ConversationMessage, Profile, StoredProfile, Targets } from "@ensemble/contracts";

export type { ConversationMessage, StoredProfile };

export async function ensureUser(database: D1Database, userId: string): Promise<void> {
  await database.prepare("INSERT INTO users (id) VALUES (?) ON CONFLICT(id) DO NOTHING").bind(userId).run();
}

export async function getProfile(database: D1Database, userId: string): Promise<StoredProfile | null> {
  const row = await database
    .prepare("SELECT * FROM profiles WHERE user_id = ?")
    .bind(userId)
    .first<Record<string, unknown>>();
  if (!row) return null;
  return {
    profile: {
      sex: row.sex as Profile["sex"],
      age: row.age as number,
      heightCm: row.height_cm as number,
      weightKg: row.weight_kg as number,
      activityLevel: row.activity_level as Profile["activityLevel"],
      goal: row.goal as Profile["goal"],
    },
    targets: {
      energyKcal: row.energy_kcal as number,
      proteinG: row.protein_g as number,
      carbohydrateG: row.carbohydrate_g as number,
      fatG: row.fat_g as number,
    },
    updatedAt: row.updated_at as string,
  };
}

export async function saveProfile(
  database: D1Database,
  userId: string,
  profile: Profile,
  targets: Targets,
  now: string,
): Promise<void> {
  await database.batch([
    database.prepare("INSERT INTO users (id) VALUES (?) ON CONFLICT(id) DO NOTHING").bind(userId),
    database
      .prepare(
        `INSERT INTO profiles (user_id, sex, age, height_cm, weight_kg, activity_level, goal, energy_kcal, protein_g, carbohydrate_g, fat_g, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET sex = excluded.sex, age = excluded.age, height_cm = excluded.height_cm,
           weight_kg = excluded.weight_kg, activity_level = excluded.activity_level, goal = excluded.goal,
           energy_kcal = excluded.energy_kcal, protein_g = excluded.protein_g, carbohydrate_g = excluded.carbohydrate_g,
           fat_g = excluded.fat_g, updated_at = excluded.updated_at`,
      )
      .bind(
        userId,
        profile.sex,
        profile.age,
        profile.heightCm,
        profile.weightKg,
        profile.activityLevel,
        profile.goal,
        targets.energyKcal,
        targets.proteinG,
        targets.carbohydrateG,
        targets.fatG,
        now,
      ),
  ]);
}

/** The conversation if it is this user's; null for unknown ids and for other users' ids alike. */
export async function findConversation(database: D1Database, userId: string, conversationId: string) {
  return database
    .prepare(
      "SELECT id, created_at AS createdAt, updated_at AS updatedAt FROM conversations WHERE id = ? AND user_id = ?",
    )
    .bind(conversationId, userId)
    .first<{ id: string; createdAt: string; updatedAt: string }>();
}

export async function listConversations(database: D1Database, userId: string, limit: number) {
  const rows = await database
    .prepare(
      `SELECT c.id, c.created_at AS createdAt, c.updated_at AS updatedAt,
         (SELECT content FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user' ORDER BY m.created_at, m.rowid LIMIT 1) AS firstMessage
       FROM conversations c WHERE c.user_id = ? ORDER BY c.updated_at DESC LIMIT ?`,
    )
    .bind(userId, limit)
    .all<{ id: string; createdAt: string; updatedAt: string; firstMessage: string | null }>();
  return rows.results;
}

export async function recentMessages(database: D1Database, userId: string, conversationId: string, limit: number) {
  const rows = await database
    .prepare(
      `SELECT id, request_id AS requestId, role, content, created_at AS createdAt FROM messages
       WHERE conversation_id = ? AND user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    )
    .bind(conversationId, userId, limit)
    .all<ConversationMessage>();
  return rows.results.toReversed();
}

export interface Exchange {
  userId: string;
  conversationId: string;
  isNewConversation: boolean;
  requestId: string;
  /** The request id as the client knows it (the Idempotency-Key, or the one the gateway made). */
  clientRequestId: string;
  userMessage: string;
  reply: string;
  route: string;
  trace: unknown;
  now: string;
}

/** The user's message, the reply and the trace in one batch: a conversation never holds half a turn. */
export async function saveExchange(database: D1Database, exchange: Exchange): Promise<void> {
  const statements = [
    database.prepare("INSERT INTO users (id) VALUES (?) ON CONFLICT(id) DO NOTHING").bind(exchange.userId),
  ];
  if (exchange.isNewConversation) {
    statements.push(
      database
        .prepare("INSERT INTO conversations (id, user_id, created_at, updated_at) VALUES (?, ?, ?, ?)")
        .bind(exchange.conversationId, exchange.userId, exchange.now, exchange.now),
    );
  } else {
    statements.push(
      database
        .prepare("UPDATE conversations SET updated_at = ? WHERE id = ? AND user_id = ?")
        .bind(exchange.now, exchange.conversationId, exchange.userId),
    );
  }
  statements.push(
    database
      .prepare(
        "INSERT INTO messages (id, request_id, conversation_id, user_id, role, content, created_at) VALUES (?, ?, ?, ?, 'user', ?, ?)",
      )
      .bind(
        `${exchange.requestId}:user`,
        exchange.clientRequestId,
        exchange.conversationId,
        exchange.userId,
        exchange.userMessage,
        exchange.now,
      ),
    database
      .prepare(
        "INSERT INTO messages (id, request_id, conversation_id, user_id, role, content, created_at) VALUES (?, ?, ?, ?, 'assistant', ?, ?)",
      )
      .bind(
        `${exchange.requestId}:assistant`,
        exchange.clientRequestId,
        exchange.conversationId,
        exchange.userId,
        exchange.reply,
        exchange.now,
      ),
    database
      .prepare(
        "INSERT INTO traces (request_id, user_id, conversation_id, route, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .bind(
        exchange.requestId,
        exchange.userId,
        exchange.conversationId,
        exchange.route,
        JSON.stringify(exchange.trace),
        exchange.now,
      ),
  );
  await database.batch(statements);
}

export async function getTrace(database: D1Database, userId: string, requestId: string): Promise<unknown | null> {
  const row = await database
    .prepare("SELECT body FROM traces WHERE request_id = ? AND user_id = ?")
    .bind(requestId, userId)
    .first<{ body: string }>();
  return row ? JSON.parse(row.body) : null;
}

export async function getOnboardingDraft(
  database: D1Database,
  userId: string,
): Promise<Record<string, unknown> | null> {
  const row = await database
    .prepare("SELECT draft FROM onboarding_drafts WHERE user_id = ?")
    .bind(userId)
    .first<{ draft: string }>();
  return row ? (JSON.parse(row.draft) as Record<string, unknown>) : null;
}

export async function saveOnboardingDraft(
  database: D1Database,
  userId: string,
  draft: unknown,
  now: string,
): Promise<void> {
  await database
    .prepare(
      `INSERT INTO onboarding_drafts (user_id, draft, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
    )
    .bind(userId, JSON.stringify(draft), now)
    .run();
}

export async function deleteOnboardingDraft(database: D1Database, userId: string): Promise<void> {
  await database.prepare("DELETE FROM onboarding_drafts WHERE user_id = ?").bind(userId).run();
}
