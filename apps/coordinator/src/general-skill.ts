// The local engine's answers for the `general` route: greetings, what the coach can do, refusing
// instructions smuggled into a message, and short evidence-based coaching on common topics. It
// calls no tools: general answers never read or write anyone's data.
import type { LocalSkill } from "@ensemble/ai/local";
import type { Targets } from "@ensemble/contracts";

interface Topic {
  pattern: RegExp;
  answer: string;
}

const CAPABILITIES =
  'I can log meals (text or a food photo), track supplements and how consistently you take them, and record workouts and body metrics, then show your daily totals, trends and personal records. Try "had two eggs and toast for breakfast", "took my creatine" or "squatted 5x5 at 100 kg".';

const TOPICS: Topic[] = [
  {
    pattern:
      /\b(ignore (?:all |your |the |my |any )*(?:previous |prior |above |earlier )?(?:instructions|rules|prompt)|system prompt|jailbreak|developer mode|delete (?:everything|all)|drop table|show me (?:user|another|someone)|other users?|(?:for|of|as) user \d+|forget (?:everything|all|your instructions)|you are (?:now )?an? (?!coach)\w+ now|pretend (?:to be|you are)|role-?play)\b/,
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
  {
    pattern:
      /\b(?:you(?:'re| are) (?:pretty |so |really |very )?(?:useful|great|helpful|awesome|good|the best)|love (?:this|it)|good bot|nice one)\b/,
    answer: "Glad it helps! Tell me what you eat, take and train, and I'll keep the numbers straight.",
  },
  { pattern: /\b(what can you do|help|how does this work|what do you do|commands)\b/, answer: CAPABILITIES },
  {
    pattern: /\bprotein\b/,
    answer:
      "For most active people, 1.6-2.2 g of protein per kg of body weight a day is the well-supported range (about 0.7-1 g per lb); aim for the upper end when cutting. Spread it over 3-5 meals of roughly 20-40 g each: meat, fish, eggs, dairy, tofu, legumes or a shake all count.",
  },
  {
    pattern: /\b(progressive overload|get stronger|build (?:muscle|strength)|gain strength|hypertrophy)\b/,
    answer:
      "Progressive overload means doing a little more over time: add weight when you hit the top of your rep range, add a rep or a set, or slow the tempo. Track your lifts, aim for 10-20 hard sets per muscle per week, leave 1-3 reps in reserve, and eat enough protein and sleep to recover.",
  },
  {
    // Before the deficit answer: "lose belly fat" is about where fat comes off, not only how.
    pattern:
      /\b(belly fat|stomach fat|love handles|spot reduc\w*|lose fat (?:from|on|off) (?:my )?\w+|tone (?:my )?(?:stomach|arms|thighs|abs))\b/,
    answer:
      "You can't choose where fat comes off: crunches build the muscle under it but don't burn the fat on top (spot reduction doesn't work). Belly fat goes with overall fat loss: a steady deficit of 300-500 kcal a day, plenty of protein, strength training 2-4 times a week, daily steps and enough sleep. It is often the last place to lean out, so judge by the weekly trend and your waist measurement.",
  },
  {
    pattern:
      /\b(?:how many calories (?:should|do|must) i|(?:\d[\d,]*|how many) (?:calories|kcal) (?:is |are )?(?:enough|too (?:much|little|few)|right)|(?:my )?maintenance calories|tdee|calorie (?:target|goal|needs))\b/,
    answer:
      "It depends on your size, age, activity and goal. I work out daily targets from your profile (the Mifflin-St Jeor formula times your activity level, then a deficit or surplus for your goal), and the Today view shows them against what you've eaten. If you haven't set a profile yet, tell me your sex, age, height, weight, activity level and goal, and I'll calculate them.",
  },
  {
    pattern: /\b(deficit|lose (?:weight|fat)|fat loss|weight loss|cutting|how do i cut|surplus|bulk(?:ing)?)\b/,
    answer:
      "Weight change follows energy balance: eat fewer calories than you burn (a deficit) to lose, more (a surplus) to gain. A deficit of about 300-500 kcal a day loses roughly 0.25-0.5 kg a week while keeping muscle, especially with high protein and strength training. Judge progress by the weekly average weight, not single days.",
  },
  {
    pattern: /\b(steps?|walking|walk more|neat|sedentary)\b/,
    answer:
      "Daily steps are one of the easiest ways to raise energy expenditure and health: 7,000-10,000 steps a day is a good target, and going from very low to moderate brings the biggest benefit. Walk after meals, take calls on foot, and add steps gradually (about 1,000 more a day each week).",
  },
  {
    pattern: /\b(carbs?|carbohydrates?|keto|low carb)\b/,
    answer:
      "Carbohydrates fuel training, especially hard or long sessions. Low-carb diets work for fat loss mainly because they cut calories, not through magic. Favour whole grains, fruit, vegetables and legumes, and put more of your carbs around workouts if you like.",
  },
  {
    pattern: /\b(alcohol|beer|wine|drinking)\b/,
    answer:
      "Alcohol has 7 kcal per gram and slows recovery and sleep. If you drink, plan it into your day's calories, keep it moderate, drink water alongside, and avoid heavy drinking the night before or after hard training.",
  },
  {
    pattern: /\b(cardio|hiit|running|run more)\b/,
    answer:
      "Cardio improves heart health and endurance and adds to your energy burn; it does not cancel strength gains when recovery and food are in order. A good mix is 2-4 strength sessions plus 150+ minutes of moderate cardio a week, with most of it easy and a little hard (intervals).",
  },
  {
    pattern:
      /\b(?:(?:eat|eating|have|snack)\w* before (?:or after )?(?:a |my |the |your )?(?:morning )?(?:workout|working out|training|gym|run|session|lift\w*)|pre-?workout (?:meal|food|snack))\b/,
    answer:
      "Before training, eat something with carbs and a little protein: 1-3 hours before, a normal meal (rice or oats with eggs, yoghurt or chicken); 30-60 minutes before, something light and low in fat and fibre, like a banana or toast with honey. Early in the morning, a banana or a small shake is enough for most sessions.",
  },
  {
    pattern:
      /\b(?:how long (?:does it take|until|before|till)|how (?:fast|quickly) can i)\b.*\b(?:muscle|strong\w*|results?|abs)\b/,
    answer:
      "Strength rises within the first few weeks, mostly from your nervous system learning the lifts. Visible muscle takes longer: with regular training and enough protein, beginners can gain roughly 0.5-1 kg of muscle a month at first, so most people notice a change in 2-3 months and a clear one in 6-12.",
  },
  {
    pattern:
      /\b(?:split|full[- ]body|push[- ]pull|upper[- ]lower|bro split|(?:training|workout|gym) (?:plan|program\w*|routine|schedule)|(?:\d|two|three|four|five|six) days? (?:a|per) week)\b/,
    answer:
      "Any split works if each muscle gets about 10-20 hard sets a week, trained twice or more. Three days: full body each time. Four days: upper/lower twice. Five or six: push/pull/legs. Pick the one you can keep for months, and leave a day between hard sessions for the same muscles.",
  },
  {
    pattern: /\b(?:seed oils?|vegetable oils?|saturated fat|olive oil|healthy fats?|dietary fat|fats? (?:bad|good))\b/,
    answer:
      "Fats are essential; the type matters more than the amount, within your calories. Unsaturated fats (olive and rapeseed oil, nuts, fish, avocado) are linked to better heart health, and the evidence does not show that seed oils are harmful in normal amounts. Keep saturated fat (butter, fatty meat, cheese) moderate and trans fats as low as possible.",
  },
  {
    pattern: /\b(?:fib(?:er|re)|constipat\w*|wholegrains?|whole grains?)\b/,
    answer:
      "Aim for about 25-35 g of fibre a day. Good sources: oats, wholegrain bread and pasta, beans, lentils and chickpeas, berries, apples and pears (with the skin), broccoli and other vegetables, nuts and seeds. Raise it gradually and drink enough water alongside.",
  },
  {
    pattern:
      /\b(?:same muscles? (?:\w+ ){0,4}(?:in a row|consecutive|back to back|every day|daily)|(?:train|work out|lift)\w* (?:\w+ ){0,3}every day|rest between|how often should i (?:train|work out|lift))\b/,
    answer:
      "Give a muscle about 48 hours between hard sessions: that's when it recovers and grows. Training it two days in a row is fine if the sessions are light or the sets are few, but for most people spreading 10-20 hard sets a week over two or three sessions works best. Alternating muscle groups lets you train on consecutive days.",
  },
  {
    pattern: /\b(?:tell me a joke|joke|make me laugh)\b/,
    answer:
      "Why did the dumbbell break up with the barbell? It needed more space to grow. Now, what did you eat or train today?",
  },
  {
    pattern: /\b(?:whey|casein|protein powder|protein shakes?)\b/,
    answer:
      "Whey is digested fast and is handy around training; casein is digested slowly, which is why some people take it before bed. Both are complete proteins, and for muscle what counts is your total protein over the day (about 1.6-2.2 g per kg), not which powder you use. Powder is a convenience, not a requirement.",
  },
  {
    pattern: /\b(?:always hungry|so hungry|hungry all the time|hunger|appetite|cravings?|crave|snacking at night)\b/,
    answer:
      "Hunger usually comes from too little protein, fibre or sleep, or from a deficit that is too steep. Put 25-40 g of protein and some vegetables or whole grains in each meal, drink water, keep the deficit to 300-500 kcal, and plan a filling evening snack (Greek yoghurt, cottage cheese, fruit) if nights are when it hits.",
  },
  {
    pattern: /\b(?:\d+[- ]?(?:hour|hr|day)s? fast|water fast|extended fast)\b/,
    answer:
      "A 24-hour fast is safe for most healthy adults but is no better for fat loss than eating a little less every day, and long fasts cost muscle and training quality. If you try it, keep drinking water, break it with a normal protein-rich meal, and skip it if you have diabetes, a history of disordered eating, or are pregnant.",
  },
  {
    pattern:
      /\b(intermittent fasting|fasting|meal timing|when (?:should|to) i eat|eat before bed|eat\w* late|late[- ]night (?:eating|snack\w*|meals?)|eat\w* at night)\b/,
    answer:
      "Meal timing matters far less than total calories and protein. Intermittent fasting helps some people eat less, but it is not better than a regular diet at the same calories. Eat on a schedule you can keep, with protein at each meal and something before or after training.",
  },
  {
    pattern:
      /\b(rest days?|days? off|recovery days?|overtrain\w*|train every day|how often should i (?:train|work out|lift))\b/,
    answer:
      "Most people do best with 1-3 rest days a week: train each muscle hard 2-3 times a week and leave about 48 hours before hitting it hard again. Easy walks, mobility or light cardio on rest days help recovery. Signs you need more rest: performance stalling for weeks, poor sleep, low mood or aches that don't fade.",
  },
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

/** "What are my targets?", "what's my calorie goal": the user's own targets, when the profile has them. */
const OWN_TARGETS =
  /\b(?:what(?:'s| is| are)|show|tell me|remind me of)\s+(?:me\s+)?my\s+(?:daily\s+)?(?:targets?|goals?|macros?|calorie (?:target|goal|budget)s?|calories)\b|\bmy (?:daily )?(?:targets|macros)\??$/;

/** The line the general answer's system prompt carries when the user has targets (read back by the local skill). */
export function targetsLine(targets: Targets | undefined): string {
  if (targets === undefined) return "";
  return `\nThe user's daily targets: ${Math.round(targets.energyKcal)} kcal, ${Math.round(targets.proteinG)} g protein, ${Math.round(targets.carbohydrateG)} g carbohydrate and ${Math.round(targets.fatG)} g fat.`;
}

export function generalAnswer(message: string, targets?: string): string {
  const lower = message.toLowerCase().trim();
  if (OWN_TARGETS.test(lower)) {
    return targets === undefined
      ? "You don't have targets yet. Tell me your sex, age, height, weight, activity level and goal, and I'll calculate your daily calories and macros."
      : `Your ${targets}. They come from your profile (Mifflin-St Jeor times your activity level, adjusted for your goal); the Today view shows them against what you've eaten.`;
  }
  return TOPICS.find((topic) => topic.pattern.test(lower))?.answer ?? FALLBACK;
}

export const generalSkill: LocalSkill = {
  domain: "general",
  next({ messages }) {
    const lastUser = messages.toReversed().find((message) => message.role === "user");
    const text = typeof lastUser?.content === "string" ? lastUser.content : "";
    const system = messages.find((message) => message.role === "system");
    const targets = /The user's (daily targets: [^\n]+?)\.?$/m.exec(
      typeof system?.content === "string" ? system.content : "",
    )?.[1];
    return { type: "answer", text: generalAnswer(text, targets) };
  },
};
