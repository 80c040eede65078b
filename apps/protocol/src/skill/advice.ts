// Short, evidence-based answers to supplement questions ("should I take creatine on rest days?",
// "what if I added ashwagandha?"). They save nothing; they say so and how to start tracking.

interface Topic {
  /** Matches the question (lowercase); checked before the supplement's general note. */
  pattern: RegExp;
  answer: string;
}

const TOPICS: Record<string, Topic[]> = {
  creatine: [
    {
      pattern: /\b(?:rest days?|off days?|non.?training|every day|daily)\b/,
      answer:
        "Yes: take creatine every day, rest days included. It works by keeping your muscles saturated, so consistency matters more than timing; 3-5 g a day is the usual dose.",
    },
    {
      pattern: /\b(?:load(ing)?)\b/,
      answer:
        "Loading (about 20 g a day split into 4 doses for 5-7 days) saturates your muscles faster, but 3-5 g a day gets you to the same place in about 3-4 weeks with less stomach upset.",
    },
    {
      pattern: /\b(?:when|timing|time|before|after|pre|post|morning|night)\b/,
      answer:
        "Timing barely matters for creatine: take 3-5 g whenever you'll remember it every day. Around a workout or with a meal is fine.",
    },
    {
      pattern: /\b(?:hair|kidneys?|liver|bloat(?:ed|ing)?|water|safe|side effects?|bad for)\b/,
      answer:
        "Creatine monohydrate is one of the most studied supplements and is considered safe for healthy adults at 3-5 g a day. Some people hold a little extra water in muscle at first. If you have kidney problems, check with your doctor first.",
    },
    {
      pattern: /.*/,
      answer:
        "Creatine monohydrate is the best-studied supplement for strength and muscle: 3-5 g a day, every day, with no loading needed. It takes about 3-4 weeks to saturate your muscles, so judge it after a month.",
    },
  ],
  "vitamin d": [
    {
      pattern: /\b(?:how much|dose|iu|too much)\b/,
      answer:
        "Typical vitamin D doses are 1,000-4,000 IU a day; 4,000 IU is the usual upper limit without medical supervision. A blood test (25-OH vitamin D) tells you what you actually need.",
    },
    {
      pattern: /\b(?:when|timing|morning|night|with food|meal|fat)\b/,
      answer:
        "Take vitamin D with a meal that has some fat in it; it's fat-soluble and absorbs better that way. Morning or evening both work.",
    },
    {
      pattern: /.*/,
      answer:
        "Vitamin D is worth taking if you get little sun, especially in winter: 1,000-2,000 IU a day with a meal covers most adults, and a blood test (25-OH vitamin D) tells you what you actually need.",
    },
  ],
  "fish oil": [
    {
      pattern: /.*/,
      answer:
        "Fish oil is usually taken at 1-2 g of combined EPA + DHA a day, with a meal to cut down on fishy burps. Check the label: a 1,000 mg capsule often has only about 300 mg of EPA + DHA.",
    },
  ],
  magnesium: [
    {
      pattern: /.*/,
      answer:
        "Magnesium is commonly taken at 200-400 mg a day; glycinate is gentle on the stomach and many people take it in the evening for sleep. Citrate works too but can loosen stools.",
    },
  ],
  ashwagandha: [
    {
      pattern: /.*/,
      answer:
        "Ashwagandha is usually taken at 300-600 mg a day of a standardised root extract (e.g. KSM-66), and some studies show lower stress and better sleep. Skip it if you're pregnant or have a thyroid condition, and check with your doctor if you take medication.",
    },
  ],
  melatonin: [
    {
      pattern: /.*/,
      answer:
        "Less is often more with melatonin: 0.5-3 mg taken 30-60 minutes before bed works for most people. It's best for shifting your sleep timing (jet lag, shift work) rather than as a nightly sleeping pill.",
    },
  ],
  zinc: [
    {
      pattern: /.*/,
      answer:
        "Zinc is typically 15-30 mg a day, with food to avoid nausea. Long-term doses above 40 mg can lower copper, and it's best taken apart from iron and calcium.",
    },
  ],
  iron: [
    {
      pattern: /.*/,
      answer:
        "Only supplement iron if a blood test shows you need it. It absorbs best on an empty stomach or with vitamin C, and away from coffee, tea and calcium. Every-other-day dosing is often as effective with fewer side effects.",
    },
  ],
  caffeine: [
    {
      pattern: /.*/,
      answer:
        "3-6 mg per kg of body weight about 30-60 minutes before training is the studied range for performance; stay under about 400 mg a day and avoid it within 8 hours of bed.",
    },
  ],
  "pre-workout": [
    {
      pattern: /.*/,
      answer:
        "Most pre-workouts are mainly caffeine: check how much is in a scoop, take it 30-45 minutes before training, and avoid it late in the day so it doesn't wreck your sleep.",
    },
  ],
  "vitamin b12": [
    {
      pattern: /.*/,
      answer:
        "B12 matters most if you eat little or no animal food; 250-1,000 mcg a day (or a larger weekly dose) is common. It's water-soluble and very safe.",
    },
  ],
  multivitamin: [
    {
      pattern: /.*/,
      answer:
        "A multivitamin is cheap insurance for gaps in your diet, best taken with a meal. It doesn't replace a varied diet, and doubling up with other single vitamins can push some nutrients high.",
    },
  ],
  "beta-alanine": [
    {
      pattern: /.*/,
      answer:
        "Beta-alanine works by building up over weeks: 3-6 g a day split into smaller doses. The tingling (paraesthesia) is harmless; splitting the dose or a sustained-release form reduces it.",
    },
  ],
  probiotic: [
    {
      pattern: /.*/,
      answer:
        "Probiotic effects depend on the strain; pick one studied for your goal and take it daily for at least 4 weeks to judge it. Fermented foods are a good alternative.",
    },
  ],
  collagen: [
    {
      pattern: /.*/,
      answer:
        "Collagen is usually 10-15 g a day; some research pairs it with vitamin C before training for tendons and joints. It counts toward protein but isn't a complete protein.",
    },
  ],
  electrolytes: [
    {
      pattern: /.*/,
      answer:
        "Electrolytes help most on long or sweaty sessions and in the heat: sodium is the main one to replace. For everyday training, food and water usually cover it.",
    },
  ],
  "l-theanine": [
    {
      pattern: /.*/,
      answer:
        "L-theanine is usually 100-200 mg, often paired with caffeine to take the edge off the jitters, or in the evening to relax.",
    },
  ],
};

const GENERIC =
  "A good rule for any supplement: add one at a time, start at the dose on the label, and give it a few weeks before judging it. Check with your doctor or pharmacist if you take medication or have a health condition.";

const HOW_TO_TRACK =
  'Nothing is saved. If you decide to take it, tell me e.g. "start {name} {example}" and I\'ll track it.';

const EXAMPLES: Record<string, string> = {
  creatine: "5 g every morning",
  "vitamin d": "2000 IU every morning",
  "fish oil": "2 capsules twice a day with meals",
  magnesium: "400 mg before bed",
  ashwagandha: "600 mg every evening",
  melatonin: "1 mg before bed",
};

/** Questions about what to take for a goal, when no supplement is named ("what should I take for sleep?"). */
const GOALS: Topic[] = [
  {
    pattern: /\bsleep|insomnia|bedtime\b/,
    answer:
      "For sleep, the basics matter most (a regular bedtime, a dark cool room, no caffeine after midday). Among supplements, magnesium glycinate (200-400 mg in the evening) is gentle and often helps; melatonin (0.5-3 mg, 30-60 minutes before bed) is best for shifting your sleep timing, such as jet lag or shift work.",
  },
  {
    pattern: /\b(?:muscle|strength|stronger|gains|bulk)\b/,
    answer:
      "For muscle and strength, creatine monohydrate (3-5 g a day, every day) is the best-supported supplement; a protein powder only helps if it gets you to about 1.6-2.2 g of protein per kg of body weight a day. Most other muscle supplements have weak evidence.",
  },
  {
    pattern: /\b(?:recovery|recover|sore|soreness|joints?|tendons?)\b/,
    answer:
      "Recovery comes mostly from sleep, enough protein and sensible training volume. Fish oil (1-3 g of EPA+DHA a day) may help joint comfort, creatine helps between hard sessions, and collagen (10-15 g with vitamin C before training) has some evidence for tendons.",
  },
  {
    pattern: /\b(?:energy|tired|fatigue|focus)\b/,
    answer:
      "For energy and focus, caffeine (1-3 mg per kg of body weight, early in the day) is the one that reliably works, and L-theanine smooths it out. Persistent tiredness is worth a blood test: low iron, vitamin D or B12 are common and fixable.",
  },
  {
    pattern: /\b(?:immune|immunity|colds?|sick)\b/,
    answer:
      "For immunity, vitamin D (1000-2000 IU a day, especially in winter) helps if you're low, and zinc lozenges started early can shorten a cold. Sleep, a varied diet and not over-training matter more than any supplement.",
  },
];

/** Advice for a goal named without a supplement, or null when the question names no goal the coach knows. */
export function goalAdvice(question: string): string | null {
  const lower = question.toLowerCase();
  return GOALS.find((goal) => goal.pattern.test(lower))?.answer ?? null;
}

/** An answer to a supplement question about `key` (a catalogue key), or the general rule when there is none. */
export function adviceFor(question: string, key: string | null, name: string | null): string {
  const lower = question.toLowerCase();
  const topics = key === null ? undefined : TOPICS[key];
  const topic = topics?.find((candidate) => candidate.pattern.test(lower));
  const body = topic?.answer ?? (key === null ? goalAdvice(lower) : null) ?? GENERIC;
  const asksToAdd =
    /\b(what if|should i (start|add|try)|thinking (of|about)|considering|add(ed|ing)?|start(ed|ing)?|try(ing)?|worth)\b/.test(
      lower,
    );
  if (!asksToAdd || name === null) return body;
  return `${body} ${HOW_TO_TRACK.replace("{name}", name.toLowerCase()).replace("{example}", EXAMPLES[key ?? ""] ?? "with your dose and schedule")}`;
}
