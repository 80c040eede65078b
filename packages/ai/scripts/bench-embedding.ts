// Throughput of the local embedder on short food names, the texts it embeds most.
// Run: node packages/ai/scripts/bench-embedding.ts [seconds]
import { createEmbedder, embedText, embedTexts, learnIdf } from "../src/local/embedding/index.ts";

const foods = [
  "chicken breast",
  "scrambled eggs",
  "greek yogurt",
  "banana",
  "oatmeal",
  "brown rice",
  "salmon fillet",
  "avocado toast",
  "peanut butter",
  "whey protein shake",
  "broccoli",
  "sweet potato",
  "cheddar cheese",
  "almonds",
  "blueberries",
  "spaghetti bolognese",
  "caesar salad",
  "beef burrito",
  "pepperoni pizza",
  "black coffee",
  "orange juice",
  "protein bar",
  "cottage cheese",
  "tuna sandwich",
  "lentil soup",
  "chocolate chip cookie",
  "apple",
  "hummus",
  "turkey wrap",
  "pad thai",
  "sushi roll",
  "bagel with cream cheese",
  "granola",
  "steak",
  "quinoa bowl",
  "tofu stir fry",
  "fish and chips",
  "mac and cheese",
  "ice cream",
  "creatine",
];
const modifiers = [
  "",
  "grilled ",
  "homemade ",
  "large ",
  "two ",
  "leftover ",
  "organic ",
  "spicy ",
  "low fat ",
  "a bowl of ",
];
const texts = modifiers.flatMap((modifier) => foods.map((food) => `${modifier}${food}`));

const seconds = Number(globalThis.process?.argv?.[2] ?? "2");

function measure(label: string, run: (batch: string[]) => void): void {
  for (let warm = 0; warm < 20; warm += 1) run(texts);
  let embedded = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    run(texts);
    embedded += texts.length;
  }
  const elapsed = (performance.now() - started) / 1000;
  const averageLength = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  console.log(
    `${label}: ${Math.round(embedded / elapsed).toLocaleString("en-US")} texts/s ` +
      `(${embedded} texts in ${elapsed.toFixed(2)} s, ${texts.length} distinct, mean ${averageLength.toFixed(1)} chars)`,
  );
}

measure("embedText (Float32Array)", (batch) => {
  for (const text of batch) embedText(text);
});
measure("embedTexts (number[][])", (batch) => {
  embedTexts(batch);
});
const withIdf = createEmbedder({ idf: learnIdf(texts) });
measure("createEmbedder({ idf }).embed", (batch) => {
  for (const text of batch) withIdf.embed(text);
});
