// Supplement names as people write them, and the loose matching of a name the user says
// ("my omega-3s", "vit d", "creatin") to an item in their protocol. Used by the Worker, which
// decides which item an intake or update is for, and by the local skill, which finds the
// supplements a message mentions.

export interface Supplement {
  /** The canonical key items are matched by. */
  key: string;
  /** How to show it when the user's own spelling is not at hand. */
  name: string;
  /** Lowercase, hyphens as spaces; a trailing plural "s" is accepted automatically. */
  aliases: string[];
}

export const SUPPLEMENTS: readonly Supplement[] = [
  {
    key: "creatine",
    name: "Creatine",
    aliases: [
      "creatine",
      "creatine monohydrate",
      "creatine hcl",
      "creapure",
      "creatin",
      "creatine gummy",
      "creatine gummies",
    ],
  },
  {
    key: "fish oil",
    name: "Fish oil",
    aliases: [
      "fish oil",
      "omega 3",
      "omega3",
      "omega 3 fish oil",
      "omega",
      "omegas",
      "epa",
      "dha",
      "epa dha",
      "epa and dha",
      "fish oil capsule",
    ],
  },
  { key: "krill oil", name: "Krill oil", aliases: ["krill oil", "krill"] },
  { key: "cod liver oil", name: "Cod liver oil", aliases: ["cod liver oil"] },
  {
    key: "vitamin d",
    name: "Vitamin D",
    aliases: [
      "vitamin d",
      "vitamin d3",
      "vitamin d 3",
      "vit d",
      "vit d3",
      "vitd",
      "vitd3",
      "d3",
      "cholecalciferol",
      "vitamin d drops",
    ],
  },
  {
    key: "vitamin d and k2",
    name: "Vitamin D3 + K2",
    aliases: ["vitamin d and k2", "vitamin d3 and k2", "d3 and k2", "d3 k2", "d3+k2", "vitamin d3 k2", "vitamin d3+k2"],
  },
  { key: "vitamin c", name: "Vitamin C", aliases: ["vitamin c", "vit c", "vitc", "ascorbic acid"] },
  {
    key: "vitamin b12",
    name: "Vitamin B12",
    aliases: ["vitamin b12", "vit b12", "b12", "b 12", "methylcobalamin", "cyanocobalamin"],
  },
  {
    key: "b complex",
    name: "B complex",
    aliases: ["b complex", "vitamin b complex", "b vitamin", "b vitamins", "b vit", "b vits"],
  },
  { key: "vitamin k2", name: "Vitamin K2", aliases: ["vitamin k2", "vit k2", "k2", "mk7", "mk 7", "vitamin k"] },
  { key: "vitamin e", name: "Vitamin E", aliases: ["vitamin e", "vit e"] },
  { key: "vitamin a", name: "Vitamin A", aliases: ["vitamin a", "vit a"] },
  {
    key: "multivitamin",
    name: "Multivitamin",
    aliases: [
      "multivitamin",
      "multi vitamin",
      "multi",
      "multivit",
      "multis",
      "one a day",
      "daily vitamin",
      "prenatal",
      "prenatal vitamin",
    ],
  },
  {
    key: "magnesium",
    name: "Magnesium",
    aliases: [
      "magnesium",
      "magnesium glycinate",
      "magnesium citrate",
      "magnesium threonate",
      "magnesium bisglycinate",
      "mag glycinate",
      "mag citrate",
      "mag",
    ],
  },
  { key: "zma", name: "ZMA", aliases: ["zma"] },
  { key: "zinc", name: "Zinc", aliases: ["zinc", "zinc picolinate", "zinc gluconate"] },
  {
    key: "iron",
    name: "Iron",
    aliases: ["iron", "iron tablet", "ferrous sulfate", "ferrous sulphate", "ferrous bisglycinate"],
  },
  { key: "calcium", name: "Calcium", aliases: ["calcium", "calcium citrate", "calcium carbonate"] },
  { key: "potassium", name: "Potassium", aliases: ["potassium"] },
  { key: "iodine", name: "Iodine", aliases: ["iodine"] },
  { key: "selenium", name: "Selenium", aliases: ["selenium"] },
  { key: "boron", name: "Boron", aliases: ["boron"] },
  {
    key: "ashwagandha",
    name: "Ashwagandha",
    aliases: ["ashwagandha", "ashwaganda", "ashwaghanda", "ashwa", "ksm 66", "ksm66"],
  },
  { key: "rhodiola", name: "Rhodiola", aliases: ["rhodiola", "rhodiola rosea"] },
  { key: "melatonin", name: "Melatonin", aliases: ["melatonin"] },
  { key: "l-theanine", name: "L-theanine", aliases: ["theanine", "l theanine"] },
  { key: "glycine", name: "Glycine", aliases: ["glycine"] },
  { key: "probiotic", name: "Probiotic", aliases: ["probiotic", "probiotics", "pro biotic"] },
  { key: "collagen", name: "Collagen", aliases: ["collagen", "collagen peptides", "collagen powder"] },
  { key: "electrolytes", name: "Electrolytes", aliases: ["electrolyte", "electrolytes", "lmnt", "electrolyte tablet"] },
  { key: "beta-alanine", name: "Beta-alanine", aliases: ["beta alanine", "betaalanine"] },
  { key: "citrulline", name: "Citrulline", aliases: ["citrulline", "l citrulline", "citrulline malate"] },
  { key: "caffeine", name: "Caffeine", aliases: ["caffeine", "caffeine pill", "caffeine tablet"] },
  { key: "pre-workout", name: "Pre-workout", aliases: ["pre workout", "preworkout", "pre wo"] },
  { key: "turmeric", name: "Turmeric", aliases: ["turmeric", "curcumin"] },
  { key: "coq10", name: "CoQ10", aliases: ["coq10", "co q10", "coq 10", "coenzyme q10", "ubiquinol"] },
  { key: "glucosamine", name: "Glucosamine", aliases: ["glucosamine", "glucosamine chondroitin"] },
  { key: "folate", name: "Folate", aliases: ["folate", "folic acid", "methylfolate"] },
  { key: "biotin", name: "Biotin", aliases: ["biotin"] },
  {
    key: "psyllium",
    name: "Psyllium husk",
    aliases: ["psyllium", "psyllium husk", "metamucil", "fiber supplement", "fibre supplement"],
  },
  { key: "glutamine", name: "Glutamine", aliases: ["glutamine", "l glutamine"] },
  { key: "bcaa", name: "BCAAs", aliases: ["bcaa", "bcaas", "branched chain amino acids"] },
  { key: "eaa", name: "EAAs", aliases: ["eaa", "eaas", "essential amino acids"] },
  { key: "hmb", name: "HMB", aliases: ["hmb"] },
  { key: "taurine", name: "Taurine", aliases: ["taurine"] },
  { key: "tongkat ali", name: "Tongkat ali", aliases: ["tongkat ali", "tongkat"] },
  { key: "lion's mane", name: "Lion's mane", aliases: ["lions mane", "lion mane"] },
  { key: "nac", name: "NAC", aliases: ["nac", "n acetyl cysteine", "n acetylcysteine"] },
  { key: "berberine", name: "Berberine", aliases: ["berberine"] },
  { key: "spirulina", name: "Spirulina", aliases: ["spirulina"] },
  { key: "greens", name: "Greens powder", aliases: ["greens powder", "greens", "ag1", "athletic greens"] },
  { key: "ginseng", name: "Ginseng", aliases: ["ginseng"] },
  { key: "inositol", name: "Inositol", aliases: ["inositol", "myo inositol"] },
  { key: "quercetin", name: "Quercetin", aliases: ["quercetin"] },
  { key: "resveratrol", name: "Resveratrol", aliases: ["resveratrol"] },
  { key: "maca", name: "Maca", aliases: ["maca", "maca root"] },
  { key: "milk thistle", name: "Milk thistle", aliases: ["milk thistle"] },
  { key: "saw palmetto", name: "Saw palmetto", aliases: ["saw palmetto"] },
  { key: "apple cider vinegar", name: "Apple cider vinegar", aliases: ["apple cider vinegar", "acv"] },
];

/** Lowercase, plain apostrophes gone ("lion's" -> "lions"), hyphens and punctuation as spaces. */
export function cleanName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, "")
    .replace(/\+/g, " + ")
    .replace(/[^\p{L}\p{N}+]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words around a name that are not part of it: "my", "the", "supplement", "pills". */
const LEADING_WORDS =
  /^(?:(?:my|the|some|a|an|our|your|his|her|daily|morning|evening|nightly|usual|regular|dose of|doses of|of)\s+)+/;
const TRAILING_WORDS =
  /(?:\s+(?:supplements?|supps?|pills?|capsules?|caps|tablets?|tabs|softgels?|gumm(?:y|ies)|doses?|drops|powder|shots?|stack|today|now))+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface AliasPattern {
  supplement: Supplement;
  alias: string;
  pattern: RegExp;
}

// Longest aliases first, so "vitamin d3 and k2" wins over "vitamin d3" and "omega 3 fish oil" over "omega".
const ALIAS_PATTERNS: AliasPattern[] = SUPPLEMENTS.flatMap((supplement) =>
  supplement.aliases.map((alias) => {
    const cleaned = cleanName(alias);
    const body = cleaned.split(" ").map(escapeRegExp).join("\\s*");
    return {
      supplement,
      alias: cleaned,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, "gu"),
    };
  }),
).sort((left, right) => right.alias.length - left.alias.length);

export interface SupplementMention {
  supplement: Supplement;
  /** Offsets into the cleaned text (see cleanName). */
  start: number;
  end: number;
  said: string;
}

/** Every catalogue supplement named in a text, in text order, overlaps removed (longest wins). */
export function findCatalogueMentions(text: string): SupplementMention[] {
  const cleaned = cleanName(text);
  const found: SupplementMention[] = [];
  for (const { supplement, pattern } of ALIAS_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of cleaned.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ supplement, start, end, said: match[0] });
    }
  }
  return found.sort((left, right) => left.start - right.start);
}

/** The catalogue supplement a whole name stands for ("my Omega-3s" -> fish oil), or null. */
export function catalogueSupplement(name: string): Supplement | null {
  const mentions = findCatalogueMentions(name);
  return mentions[0]?.supplement ?? null;
}

function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  return word.replace(/s$/, "");
}

/** A name without its filler words: "my Lion's Mane capsules" -> "lions mane". */
export function bareName(name: string): string {
  const words = cleanName(name).replace(LEADING_WORDS, "").replace(TRAILING_WORDS, "").trim();
  const parts = words.split(" ").filter((part) => part !== "");
  if (parts.length === 0) return cleanName(name);
  parts[parts.length - 1] = singular(parts[parts.length - 1]!);
  return parts.join(" ");
}

/** The key an item is stored and matched under: the catalogue key, or the bare name. */
export function nameKey(name: string): string {
  return catalogueSupplement(name)?.key ?? bareName(name);
}

/** The user's own words for a name, filler removed, case kept: "my Vitamin D3 drops" -> "Vitamin D3". */
function ownWords(name: string): string {
  const leading = new RegExp(LEADING_WORDS.source, "i");
  const trailing = new RegExp(TRAILING_WORDS.source, "i");
  return name.trim().replace(/\s+/g, " ").replace(leading, "").replace(trailing, "").trim();
}

/** A display name for a new item: the catalogue name, or the user's words with a capital first letter. */
export function displayName(name: string): string {
  const supplement = catalogueSupplement(name);
  const own = ownWords(name);
  if (supplement !== null) {
    // Keep the user's more specific spelling when it names the same thing ("Vitamin D3").
    const bare = bareName(name);
    return bare.length > supplement.name.length && bare.includes(supplement.key) && own !== ""
      ? sentenceCase(own)
      : supplement.name;
  }
  return own === "" ? sentenceCase(bareName(name)) : sentenceCase(own);
}

function sentenceCase(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Edit distance with adjacent swaps, so "creatien" is one edit from "creatine". */
export function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table: number[][] = [];
  for (let row = 0; row < rows; row++)
    table.push(Array.from({ length: columns }, (_unused, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(
        table[row - 1]![column]! + 1,
        table[row]![column - 1]! + 1,
        table[row - 1]![column - 1]! + cost,
      );
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        best = Math.min(best, table[row - 2]![column - 2]! + 1);
      }
      table[row]![column] = best;
    }
  }
  return table[left.length]![right.length]!;
}

function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Whether every word of `part` appears in `whole` ("vitamin" in "vitamin d"). */
function wordsWithin(part: string, whole: string): boolean {
  const wholeWords = new Set(whole.split(" "));
  return part.split(" ").every((word) => wholeWords.has(word));
}

export interface MatchableItem {
  id: string;
  name: string;
  nameKey: string;
}

export type NameMatch<Item> =
  | { kind: "match"; item: Item; how: "id" | "exact" | "partial" | "typo" }
  | { kind: "ambiguous"; items: Item[] }
  | { kind: "none" };

/**
 * The item a spoken name means. Candidates are tried from the strictest test to the loosest:
 * same id, same key, all words of one name inside the other, then a typo away. The first test
 * that finds anything decides; when it finds items with different keys the name is ambiguous.
 * `items` must be ordered by preference (e.g. running items before stopped ones).
 */
export function matchItem<Item extends MatchableItem>(query: string, items: readonly Item[]): NameMatch<Item> {
  const byId = items.find((item) => item.id === query.trim());
  if (byId !== undefined) return { kind: "match", item: byId, how: "id" };
  const key = nameKey(query);
  const bare = bareName(query);

  const decide = (candidates: Item[], how: "exact" | "partial" | "typo"): NameMatch<Item> | null => {
    if (candidates.length === 0) return null;
    const keys = new Set(candidates.map((item) => item.nameKey));
    if (keys.size > 1) return { kind: "ambiguous", items: candidates };
    return { kind: "match", item: candidates[0]!, how };
  };

  const exact = decide(
    items.filter((item) => item.nameKey === key || bareName(item.name) === bare),
    "exact",
  );
  if (exact !== null) return exact;
  const partial = decide(
    items.filter((item) => {
      const itemBare = bareName(item.name);
      return (
        wordsWithin(bare, itemBare) ||
        wordsWithin(itemBare, bare) ||
        wordsWithin(key, item.nameKey) ||
        wordsWithin(item.nameKey, key)
      );
    }),
    "partial",
  );
  if (partial !== null) return partial;
  const typo = decide(
    items.filter((item) => {
      const allowance = typoAllowance(Math.min(key.length, item.nameKey.length));
      return (
        allowance > 0 &&
        (editDistance(key, item.nameKey) <= allowance || editDistance(bare, bareName(item.name)) <= allowance)
      );
    }),
    "typo",
  );
  return typo ?? { kind: "none" };
}
