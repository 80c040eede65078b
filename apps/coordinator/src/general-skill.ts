// The local engine's answers for the `general` route: greetings, what the coach can do, refusing
// instructions smuggled into a message, and short evidence-based coaching on common topics. It
// calls no tools: general answers never read or write anyone's data.
import type { LocalSkill } from "@ensemble/ai/local";

interface Topic {
  pattern: RegExp;
  answer: string;
}

const CAPABILITIES =
  'I can log meals (text or a food photo), track supplements and how consistently you take them, and record workouts and body metrics, then show your daily totals, trends and personal records. Try "had two eggs and toast for breakfast", "took my creatine" or "squatted 5x5 at 100 kg".';

const TOPICS: Topic[] = [
  {
    pattern:
      /\b(ignore (?:all |your |the )?(?:previous|prior|above) instructions|system prompt|jailbreak|developer mode|delete (?:everything|all)|drop table|show me (?:user|another|someone)|other users?)\b/,
    answer:
      "I can't do that. I only work with your own data, one entry at a time, and I don't change how I operate on request. If you want to remove a specific entry, tell me which one (for example \"delete my last meal\").",
  },
  {
    pattern:
      /^(?:hi|hey|hello|yo|howdy|good (?:morning|afternoon|evening)|hiya|sup)\b[\s!.,]*$|^(?:hi|hey|hello)\b.{0,20}$/,
    answer: `Hi! Good to see you. ${CAPABILITIES}`,
  },
  {
    pattern: /\b(thanks|thank you|cheers|thx|ty)\b/,
    answer: "You're welcome! Keep it up; consistency beats perfection.",
  },
  { pattern: /\b(what can you do|help|how does this work|what do you do|commands)\b/, answer: CAPABILITIES },
  {
    pattern: /\b(sleep|insomnia|tired|rest)\b/,
    answer:
      "Aim for 7-9 hours of sleep on a regular schedule: same bedtime and wake time, a dark cool room, and no caffeine in the 8 hours before bed. Sleep is when you recover from training, and short sleep raises appetite the next day.",
  },
  {
    pattern: /\b(plateau|stall(?:ed|ing)?|stuck|not losing|not gaining)\b/,
    answer:
      "Plateaus are normal. First check the data: log every meal for two weeks and weigh daily, then compare the weekly average, not single days. If the average truly hasn't moved in 2-3 weeks, adjust intake by about 200 kcal a day or add a session, and keep protein high.",
  },
  {
    pattern: /\b(motivat\w*|discipline|give up|lazy|hard to stay|consistent|consistency)\b/,
    answer:
      "Motivation comes and goes; routines carry you. Pick one small habit you can do on your worst day (log breakfast, a 20-minute walk), attach it to something you already do, and track the streak. Progress you can see keeps you going.",
  },
  {
    pattern: /\b(water|hydrat\w*|drink enough)\b/,
    answer:
      "A practical target is about 30-35 ml of water per kg of body weight a day, more on training days and in the heat. Pale yellow urine is a good sign you're drinking enough.",
  },
  {
    pattern: /\b(stretch\w*|mobility|warm ?up|sore|soreness|doms)\b/,
    answer:
      "Warm up with 5-10 minutes of light cardio and a few ramp-up sets of your first lift. Muscle soreness a day or two after training is normal; light movement, sleep and enough protein help it pass. Sharp or joint pain is a reason to stop and get it checked.",
  },
  {
    pattern: /\b(stress\w*|anxious|anxiety|overwhelm\w*)\b/,
    answer:
      "Stress affects sleep, appetite and recovery. A short walk, a regular bedtime and keeping training sessions a little easier on hard weeks all help. If it's persistent, talking to a professional is a strong move, not a weak one.",
  },
];

const FALLBACK =
  "I'm your nutrition and training coach. I didn't find something to log or look up in that message. " + CAPABILITIES;

export function generalAnswer(message: string): string {
  const lower = message.toLowerCase().trim();
  return TOPICS.find((topic) => topic.pattern.test(lower))?.answer ?? FALLBACK;
}

export const generalSkill: LocalSkill = {
  domain: "general",
  next({ messages }) {
    const lastUser = messages.toReversed().find((message) => message.role === "user");
    const text = typeof lastUser?.content === "string" ? lastUser.content : "";
    return { type: "answer", text: generalAnswer(text) };
  },
};
