// Text normalisation shared by every parser in this folder.
//
// Two flavours: `normaliseForMatching` keeps the string length (one output character per input
// UTF-16 unit) so that spans found in the normalised text can be sliced straight out of the
// original; `normaliseText` additionally collapses whitespace and trims, for callers that only
// need the cleaned words.

const CHARACTER_MAP: Record<string, string> = {
  "\u2018": "'", // left single quote
  "\u2019": "'", // right single quote / typographic apostrophe
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'", // prime
  "`": "'",
  "\u00B4": "'", // acute accent used as an apostrophe
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-",
  "\u2212": "-", // minus sign
  "\u00D7": "x", // multiplication sign, as in "5×5"
  "\u00B5": "\u03BC", // micro sign -> Greek mu, so "µg" and "μg" look the same
  "\u2044": "/", // fraction slash
  "\u2215": "/", // division slash
  "\u00A0": " ", // no-break space
  "\u2007": " ",
  "\u202F": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\t": " ",
  "\r": " ",
  "\n": " ",
  "\u2026": ".", // ellipsis (one character kept to preserve length)
};

/**
 * Lowercases and maps typographic variants (curly quotes, dashes, "×", odd spaces) to plain ASCII,
 * keeping exactly one output character per input UTF-16 unit so offsets stay valid.
 */
export function normaliseForMatching(text: string, options: { keepNewlines?: boolean } = {}): string {
  let output = "";
  for (const character of text) {
    if (character === "\n" && options.keepNewlines === true) {
      output += character;
      continue;
    }
    // Iterate by code point but emit one unit per original unit, so astral characters
    // (emoji) are kept as they are: they are two units in and two units out.
    const mapped = CHARACTER_MAP[character];
    if (mapped !== undefined) {
      output += mapped;
      continue;
    }
    const lower = character.toLowerCase();
    output += lower.length === character.length ? lower : character;
  }
  return output;
}

/** Lowercase, plain quotes and dashes, single spaces, trimmed. Length is not preserved. */
export function normaliseText(text: string): string {
  return normaliseForMatching(text).replace(/\s+/g, " ").trim();
}

export interface WordToken {
  /** The word as it appears in the normalised text. */
  text: string;
  start: number;
  end: number;
}

/**
 * Splits normalised text into words, numbers and single punctuation marks with their offsets.
 * Digits and letters are separate tokens ("300ml" -> "300", "ml"), decimals stay whole
 * ("1.5", "1,5"), and an apostrophe inside a word stays in it ("didn't").
 */
export function tokenise(text: string): WordToken[] {
  const normalised = normaliseForMatching(text);
  const tokens: WordToken[] = [];
  const pattern = /\d+(?:[.,]\d+)?|[\p{L}\p{M}]+(?:'[\p{L}]+)*|[½¼¾⅓⅔⅛⅜⅝⅞⅕]|[^\s\p{L}\p{N}]/gu;
  for (const match of normalised.matchAll(pattern)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
