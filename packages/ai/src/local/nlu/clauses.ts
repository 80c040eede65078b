// Cutting a message into the clauses that each report or ask one thing: "had oats for breakfast
// and took my fish oil" -> "had oats for breakfast", "took my fish oil". Sentences first, then
// commas and joined actions; an "and" inside an item ("chicken and rice") is left alone.

// Sentence punctuation stays with its clause ("how much protein is in it?" is still a question).
const SENTENCE_END = /(?<=[;.!?])\s+/;
const CLAUSE_BOUNDARY =
  /\s*(?:,\s*(?:and\s+|then\s+|plus\s+)?|\s+(?:and then|then|and also|also|plus|after that|afterwards)\s+|\s+and\s+(?=(?:i\s+|i'|took|had|ate|did|ran|hit|logged|weighed|drank|popped|benched|squatted|deadlifted|started|stopped|paused)))/i;

export function splitClauses(message: string): string[] {
  return message
    .split(SENTENCE_END)
    .flatMap((sentence) => sentence.split(CLAUSE_BOUNDARY))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
