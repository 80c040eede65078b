import { describe, expect, it } from "vitest";
import { foodEvidence, hitMatches, isFoodWord } from "./food-words.ts";

describe("foodEvidence", () => {
  it.each(["a tuna sandwich", "2 boiled eggs", "some blueberries", "a flat white", "hot dog", "a bowl of chilli"])(
    "%j is food",
    (phrase) => {
      expect(foodEvidence(phrase)).toBe("food");
    },
  );

  it.each(["tell me my total", "the whole packet", "lost my mind", "so hungry", "something light", "two of them"])(
    "%j is not food",
    (phrase) => {
      expect(foodEvidence(phrase)).toBe("not-food");
    },
  );

  it.each(["a plate of jollof", "some kottu", "zorblax"])("%j is unknown", (phrase) => {
    expect(foodEvidence(phrase)).toBe("unknown");
  });

  it("reads plurals and one-letter typos of long food words", () => {
    expect(isFoodWord("cookies")).toBe(true);
    expect(isFoodWord("tomatoes")).toBe(true);
    expect(isFoodWord("strawbery")).toBe(true);
    expect(isFoodWord("sandwhich")).toBe(true);
    expect(isFoodWord("total")).toBe(false);
  });
});

describe("hitMatches", () => {
  it("accepts a USDA name that shares a food word with the query", () => {
    expect(hitMatches("cornflakes", "Cereals ready-to-eat, KELLOGG, KELLOGG'S Corn Flakes")).toBe(true);
    expect(hitMatches("tempeh", "Tempeh, cooked")).toBe(true);
  });

  it("rejects a nearest guess that shares no food word", () => {
    expect(hitMatches("pho", "Carob flour")).toBe(false);
    expect(hitMatches("long day", "Rice, white, long-grain, regular, cooked")).toBe(false);
    expect(hitMatches("lost my mind", "Cereals ready-to-eat, POST, Golden Crisp")).toBe(false);
  });
});
