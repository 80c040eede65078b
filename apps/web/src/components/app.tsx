// The whole client: sign-in until there is a token, then chat beside today's dashboard. A 401 from
// any request signs out and comes back here with the reason.
import { useMemo, useRef, useState } from "preact/hooks";
import { createApi } from "../api/client.ts";
import { type Session, clearSession, loadSession, saveSession } from "../session.ts";
import { Home } from "./home.tsx";
import { SignIn } from "./sign-in.tsx";

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const api = useMemo(
    () =>
      createApi({
        token: () => sessionRef.current?.token ?? null,
        onUnauthorized: (error) => {
          if (!sessionRef.current) return;
          clearSession();
          sessionRef.current = null;
          setSession(null);
          setNotice(`You have been signed out: ${error.message} Sign in again to continue.`);
        },
      }),
    [],
  );

  if (!session) {
    return (
      <SignIn
        api={api}
        notice={notice}
        onSignedIn={(next) => {
          saveSession(next);
          sessionRef.current = next;
          setNotice(null);
          setSession(next);
        }}
      />
    );
  }
  return (
    <Home
      api={api}
      session={session}
      onSignOut={() => {
        clearSession();
        sessionRef.current = null;
        setNotice("You signed out.");
        setSession(null);
      }}
    />
  );
}
