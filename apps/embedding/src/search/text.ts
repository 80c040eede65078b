// Words of food names and queries, reduced to the terms search compares. One stemmer for both
// sides and for the FTS5 index (which stores these terms, see food-rows.ts), so what the lexical
// index matches and what the ranking code counts as matched are always the same thing.

/** Lowercase, accents removed, typographic quotes plain. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032`\u00B4]/g, "'")
    .toLowerCase();
}

/** The raw words of a text: letters and digits, apostrophes dropped ("KELLOGG'S" -> "kelloggs"). */
export function words(text: string): string[] {
  return (
    foldText(text)
      .replace(/'/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const VOWEL = /[aeiouy]/;

/** "runn" -> "run", "chopp" -> "chop", but "grill", "stuff" and "press" keep their pair. */
function undouble(base: string): string {
  const last = base[base.length - 1];
  if (last !== undefined && last === base[base.length - 2] && !"lsfz".includes(last) && !VOWEL.test(last)) {
    return base.slice(0, -1);
  }
  return base;
}

/**
 * Light suffix stripping so inflections meet: "eggs" -> "egg", "strawberries" -> "strawberry",
 * "tomatoes" -> "tomato", "roasted"/"roasting" -> "roast", "fries"/"fried" -> "fry",
 * "sliced"/"slices" -> "slic". Deliberately mild (no Porter step 2-5): food words are short and a
 * stronger stemmer merges things people keep apart ("organ"/"organic", "general"/"generic").
 */
export function stem(word: string): string {
  let result = word;
  if (result.length <= 3 || /\d/.test(result)) return result;
  if (result.endsWith("ies") && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith("ied") && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith("sses")) result = result.slice(0, -2);
  else if (/(?:ch|sh|x|z|o)es$/.test(result)) result = result.slice(0, -2);
  else if (result.endsWith("s") && !/(?:ss|us|is)$/.test(result)) result = result.slice(0, -1);
  else if (result.endsWith("ing") && result.length > 5 && VOWEL.test(result.slice(0, -3)))
    result = undouble(result.slice(0, -3));
  else if (result.endsWith("ed") && !result.endsWith("eed") && result.length > 4 && VOWEL.test(result.slice(0, -2))) {
    result = undouble(result.slice(0, -2));
  }
  if (result.endsWith("e") && result.length > 3 && !result.endsWith("ee")) result = result.slice(0, -1);
  return result;
}

/** The stemmed terms of a text, in order. */
export function terms(text: string): string[] {
  return words(text).map(stem);
}

/**
 * A food name in segments: SR names put the food first and qualifiers after commas
 * ("Chicken, broilers or fryers, breast, meat only, raw"), so the first segment says what it is.
 */
export function nameSegments(name: string): string[][] {
  return name
    .split(/[,;(]/)
    .map((segment) => terms(segment))
    .filter((segment) => segment.length > 0);
}

/**
 * Edit distance with adjacent swaps counted as one edit ("chciken" is one typo from "chicken"),
 * stopping early once every path exceeds `limit` (then it returns limit + 1).
 */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, (beforePrevious[column - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[right.length] ?? limit + 1, limit + 1);
}
