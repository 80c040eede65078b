// Sign-in for local use: ask the gateway for a dev token (only answered when DEV_SIGN_IN is
// enabled), or paste a token from `npm run dev-token`. A pasted token is checked against the
// gateway before it is kept, so a wrong one fails here and not on the first message.
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { ApiError, describeError } from "../api/errors.ts";
import { type Session, readToken } from "../session.ts";

interface Props {
  api: Api;
  notice: string | null;
  onSignedIn(session: Session): void;
}

const USER_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

export function SignIn({ api, notice, onSignedIn }: Props) {
  const [userId, setUserId] = useState("");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState<"dev" | "token" | null>(null);
  const [devError, setDevError] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);

  async function signInWithDevToken(event: Event) {
    event.preventDefault();
    const id = userId.trim();
    if (!USER_ID.test(id)) {
      setDevError("Use 1-128 letters, digits or _ . : @ - for the user id.");
      return;
    }
    setBusy("dev");
    setDevError(null);
    try {
      const issued = await api.devToken(id);
      const read = readToken(issued.token);
      if (!read.ok) throw new Error(read.reason);
      onSignedIn(read.session);
    } catch (error) {
      setDevError(
        error instanceof ApiError && error.status === 404
          ? "Dev sign-in is turned off on this gateway. Paste a token instead."
          : describeError(error),
      );
    } finally {
      setBusy(null);
    }
  }

  async function signInWithToken(event: Event) {
    event.preventDefault();
    const read = readToken(token);
    if (!read.ok) {
      setTokenError(read.reason);
      return;
    }
    setBusy("token");
    setTokenError(null);
    try {
      await api.checkToken(read.session.token);
      onSignedIn(read.session);
    } catch (error) {
      setTokenError(
        error instanceof ApiError && error.isUnauthorized
          ? `The gateway refused that token: ${error.message}`
          : describeError(error),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <main class="sign-in">
      <div class="sign-in-card">
        <h1>
          <span class="logo" aria-hidden="true">
            ◐
          </span>{" "}
          Ensemble coach
        </h1>
        <p class="lede">Log meals, supplements and training by talking to your coach.</p>
        {notice && (
          <p class="notice" role="alert">
            {notice}
          </p>
        )}
        <form onSubmit={signInWithDevToken} aria-labelledby="dev-heading">
          <h2 id="dev-heading">Sign in for local use</h2>
          <label for="user-id">User id</label>
          <input
            id="user-id"
            name="userId"
            autoComplete="username"
            placeholder="e.g. alex"
            value={userId}
            onInput={(event) => setUserId(event.currentTarget.value)}
            aria-describedby={devError ? "dev-error" : undefined}
            aria-invalid={devError ? true : undefined}
            required
          />
          {devError && (
            <p id="dev-error" class="field-error" role="alert">
              {devError}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy !== null}>
            {busy === "dev" ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <form onSubmit={signInWithToken} aria-labelledby="token-heading">
          <h2 id="token-heading">Or paste a token</h2>
          <label for="token">Bearer token</label>
          <textarea
            id="token"
            name="token"
            rows={3}
            spellcheck={false}
            placeholder="eyJhbGciOi…  (npm run dev-token -- alex)"
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
            aria-describedby={tokenError ? "token-error" : undefined}
            aria-invalid={tokenError ? true : undefined}
            required
          />
          {tokenError && (
            <p id="token-error" class="field-error" role="alert">
              {tokenError}
            </p>
          )}
          <button type="submit" disabled={busy !== null}>
            {busy === "token" ? "Checking…" : "Use this token"}
          </button>
        </form>
      </div>
    </main>
  );
}
