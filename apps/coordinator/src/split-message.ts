// "each with the part of the message for it": a multi-domain message is cut into clauses and each
// clause goes to every involved domain the local classifier clearly finds in it ("I had 200 g of
// it with my creatine" is both food and a supplement). A clause that belongs to no domain
// ("thanks!") stays with its neighbour; a domain that gets no clause receives the whole message,
// so nothing the user said is lost.
import { classifyMessage, splitClauses } from "@ensemble/ai/local";
import type { SpecialistDomain } from "@ensemble/contracts";

/** Below this score a clause is not clearly about a domain. */
const CLEAR_SCORE = 0.25;
/** "had 200g of it", "ate half of that", "drank them": eating or drinking something said before. */
const CONSUMED_REFERENCE =
  /\b(?:had|ate|eaten|drank|finished|having|eating)\s+(?:(?:\d+(?:[.,]\d+)?\s*[a-z]*|some|half|most|all|a bit|a bowl|a cup|a glass|a slice|a piece)\s+of\s+)?(?:it|that|them|those)\b/i;

export function assignClauses(message: string, domains: SpecialistDomain[]): Record<SpecialistDomain, string> {
  const owned = new Map<SpecialistDomain, string[]>(domains.map((domain) => [domain, []]));
  let previous: SpecialistDomain[] = [];
  let unassigned: string[] = [];
  for (const clause of splitClauses(message)) {
    const scores = classifyMessage(clause).scores;
    const clear = domains.filter((domain) => (scores[domain] ?? 0) >= CLEAR_SCORE);
    // "how much protein is in greek yogurt? I just had 200g of it with my creatine": a clause that
    // says the user ate or drank "it" also belongs where the thing it refers to went.
    const consumedBefore = CONSUMED_REFERENCE.test(clause) ? previous : [];
    const targets = clear.length > 0 ? [...new Set([...clear, ...consumedBefore])] : previous;
    if (targets.length === 0) {
      unassigned.push(clause);
      continue;
    }
    for (const domain of targets) owned.get(domain)!.push(...unassigned, clause);
    unassigned = [];
    previous = targets;
  }
  const parts = {} as Record<SpecialistDomain, string>;
  for (const domain of domains) {
    const mine = owned.get(domain)!;
    parts[domain] = mine.length > 0 ? joinClauses(mine) : message;
  }
  return parts;
}

function joinClauses(clauses: string[]): string {
  return clauses
    .map((clause, index) => (index === 0 || /[;.!?]$/.test(clauses[index - 1]!) ? clause : `, ${clause}`))
    .join(" ")
    .replace(/ ,/g, ",");
}
