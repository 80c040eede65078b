// The signed-in screen: chat and today's dashboard side by side on a wide screen, one at a time
// (switched by two buttons) on a phone. Every finished chat reply refreshes the dashboard.
import { useCallback, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import type { Session } from "../session.ts";
import { Chat } from "./chat.tsx";
import { Today } from "./today.tsx";
import { useOnline } from "./use-online.ts";

interface Props {
  api: Api;
  session: Session;
  onSignOut(): void;
}

type View = "chat" | "today";

export function Home({ api, session, onSignOut }: Props) {
  const [view, setView] = useState<View>("chat");
  const [refreshKey, setRefreshKey] = useState(0);
  const [queued, setQueued] = useState<{ text: string; key: number } | null>(null);
  const online = useOnline();

  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  const ask = useCallback((text: string) => {
    setQueued({ text, key: Date.now() });
    setView("chat");
  }, []);

  return (
    <div class="home">
      <header class="top-bar">
        <h1>
          <span class="logo" aria-hidden="true">
            ◐
          </span>{" "}
          Ensemble coach
        </h1>
        <span class="user" title="Signed in as">
          {session.userId}
        </span>
        <button type="button" class="quiet" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {!online && (
        <p class="banner offline" role="status">
          You are offline. Messages will not send until the connection is back.
        </p>
      )}
      <nav class="view-switch" aria-label="Show">
        <button type="button" aria-pressed={view === "chat"} onClick={() => setView("chat")}>
          Chat
        </button>
        <button type="button" aria-pressed={view === "today"} onClick={() => setView("today")}>
          Today
        </button>
      </nav>
      <main class="layout" data-view={view}>
        <section class="panel chat-panel" aria-label="Chat with your coach">
          <Chat api={api} session={session} online={online} onReply={refresh} queued={queued} />
        </section>
        <section class="panel today-panel" aria-label="Today at a glance">
          <Today api={api} refreshKey={refreshKey} onAsk={ask} />
        </section>
      </main>
    </div>
  );
}
