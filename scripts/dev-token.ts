// Prints a development token for a user id, signed with the local AUTH_SECRET from
// apps/gateway/.dev.vars (created by the start command). Usage: npm run dev-token -- <user-id> [days]
import { readFileSync } from "node:fs";
import path from "node:path";
import { signToken } from "../apps/gateway/src/auth.ts";

const root = path.resolve(import.meta.dirname, "..");
const userId = process.argv[2] ?? "dev-user";
const days = Number(process.argv[3] ?? 30);
if (!/^[A-Za-z0-9_.:@-]{1,128}$/.test(userId) || !(days > 0)) {
  console.error("usage: npm run dev-token -- <user-id> [days]   (user id: letters, digits, _ . : @ -)");
  process.exit(2);
}
let secret = process.env.AUTH_SECRET;
if (!secret) {
  try {
    secret = /^AUTH_SECRET=(.+)$/m.exec(readFileSync(path.join(root, "apps/gateway/.dev.vars"), "utf8"))?.[1]?.trim();
  } catch {
    // Reported below.
  }
}
if (!secret) {
  console.error("error: no AUTH_SECRET: run `npm start` once (it creates apps/gateway/.dev.vars) or set AUTH_SECRET.");
  process.exit(1);
}
const now = Math.floor(Date.now() / 1000);
console.log(await signToken({ sub: userId, iat: now, exp: now + Math.round(days * 86_400) }, secret));
