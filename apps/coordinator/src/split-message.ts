// "each with the part of the message for it": a multi-domain message is cut into clauses and each
// clause goes to the domain the local classifier scores highest among the domains involved. A clause
// that belongs to no domain ("thanks!") stays with its neighbour; a domain that gets no clause
// receives the whole message, so nothing the user said is lost.
import { classifyMessage } from "@ensemble/ai/local";
import type { SpecialistDomain } from "@ensemble/contracts";

const CLAUSE_BOUNDARY =
  /\s*(?:[;.!?]+\s+|,\s*(?:and\s+|then\s+|plus\s+)?|\s+(?:and then|then|and also|also|plus|after that|afterwards)\s+|\s+and\s+(?=(?:i\s+|i'|took|had|ate|did|ran|hit|logged|weighed|drank|popped|benched|squatted|deadlifted|started|stopped|paused)))/i;

export function splitClauses(message: string): string[] {
  return message
    .split(CLAUSE_BOUNDARY)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

export function assignClauses(message: string, domains: SpecialistDomain[]): Record<SpecialistDomain, string> {
  const clauses = splitClauses(message);
  const owned = new Map<SpecialistDomain, string[]>();
  let previous: SpecialistDomain | undefined;
  const unassigned: string[] = [];
  for (const clause of clauses) {
    const scores = classifyMessage(clause).scores;
    const best = [...domains].sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0))[0]!;
    const clear = (scores[best] ?? 0) >= 0.35;
    const domain = clear ? best : previous;
    if (!domain) {
      unassigned.push(clause);
      continue;
    }
    owned.set(domain, [...(owned.get(domain) ?? []), ...unassigned.splice(0), clause]);
    previous = domain;
  }
  const parts = {} as Record<SpecialistDomain, string>;
  for (const domain of domains) {
    const mine = owned.get(domain);
    parts[domain] = mine && mine.length > 0 ? mine.join(", ") : message;
  }
  return parts;
}
