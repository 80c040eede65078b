// What the vision model is asked. Kept short: Llama 3.2 11B Vision follows a compact instruction
// with one example better than a long list of rules, and its answer is capped at 600 tokens.
import type { ChatMessage } from "@ensemble/ai";
import type { ImageMediaType } from "./image-info.ts";
import { MAX_ITEMS } from "./model-output.ts";

export const VISION_PROMPT = `You look at a photo of food and list what is on it for a nutrition log.
Reply with ONLY a JSON object, no other text:
{"items":[{"name":"chicken breast, grilled","grams":150,"confidence":0.8},{"name":"rice, white, cooked","grams":180,"confidence":0.7},{"name":"lettuce salad, no dressing","grams":60,"confidence":0.6}]}
- name: the food first, then how it is prepared, as a nutrition database names it; one entry per distinct food; at most ${MAX_ITEMS}.
- grams: your estimate of the edible amount in the photo (judge by the plate, cutlery and usual servings).
- confidence: from 0 to 1, how sure you are of both the food and the amount.
- List only foods you can see. If there is no food in the photo, reply {"items":[]}.`;

export function visionMessages(image: { data: string; mediaType: ImageMediaType }, text: string): ChatMessage[] {
  const words = text.trim();
  const context = words
    ? `The user sent this photo with the words: "${words}". Their words may name the foods; still list only what you can see.`
    : "The user sent this photo without any words.";
  return [
    { role: "system", content: VISION_PROMPT },
    {
      role: "user",
      content: [
        { type: "text", text: context },
        { type: "image", mediaType: image.mediaType, data: image.data },
      ],
    },
  ];
}

/** The follow-up after an unusable answer: what was wrong, and the shape again. */
export function retryMessages(previous: ChatMessage[], badReply: string, problem: string): ChatMessage[] {
  return [
    ...previous,
    { role: "assistant", content: badReply.slice(0, 2000) },
    {
      role: "user",
      content: `That answer could not be used: ${problem}. Answer again with ONLY the JSON object, shaped {"items":[{"name":"...","grams":123,"confidence":0.7}]}, with grams and confidence as plain numbers.`,
    },
  ];
}
