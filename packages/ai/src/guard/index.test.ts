import { describe, expect, it } from "vitest";
import { analyseIntent, guardToolCall } from "./index.ts";

const logMeal = { name: "log_meal", kind: "write" } as const;
const getDailySummary = { name: "get_daily_summary", kind: "read" } as const;

// Real reports and write requests: a write must go through.
const REPORTS = [
  "I had chicken for lunch",
  "took my creatine",
  "squatted 5x5 at 100 kg",
  "I would like to log my lunch: chicken salad",
  "I'd like to log my lunch: chicken salad",
  "can you log 2 eggs for breakfast",
  "please log a banana",
  "I had a pizza, would that be a lot?",
  "didn't finish my pizza, ate half",
  "I had nothing but water today",
  "2 eggs and toast",
  "yes",
  "no breakfast, just a coffee",
  "skipped breakfast and had a big lunch",
  "my wife and I had sushi",
  "me and my friend ran 5k",
  "I'm not sure if I had 2 or 3 eggs",
  "I might have had 3 eggs actually",
  "I forgot to log my breakfast, it was oatmeal",
  "I didn't log my lunch yet: turkey sandwich",
  "I don't take creatine anymore",
  "I stopped taking magnesium",
  "remembered to take my vitamin D this morning",
  "I did take my creatine today",
  "had coffee with no sugar",
  "I'm eating a banana right now",
  "Chicken salad for lunch",
  "my trainer told me to eat more protein, so I had a shake",
  "hit 10k steps today",
  "I weigh 82.4 kg this morning",
  "Had 2 eggs, doing legs tomorrow",
  "I had a pizza. My wife had pasta.",
  "No, I had 3 eggs not 2",
  "log it",
  "Could you add a scoop of whey to breakfast?",
  "gonna log my dinner: steak and potatoes",
  "I want to log my workout",
  "I need to log my supplements",
  "add 300ml oat milk",
  "just had a protein bar",
  "I had a beer, is that bad?",
  "Log: 2 eggs, toast, OJ",
  "Breakfast was oatmeal with blueberries",
  "for lunch I had a burrito bowl",
  "did 3 sets of 10 pull-ups",
  "went for a 5k run this morning",
  "Took 5g creatine and 2000 IU D3 with breakfast",
  "I drank 2 liters of water",
  "I've had 3 coffees today",
  "I'd already eaten by then",
  "We had tacos for dinner",
  "Had dinner with my wife: steak",
  "just finished a 45 minute spin class",
  "Ate half a sandwich, didn't finish the rest",
  "I took my meds but forgot the fish oil",
  "Yesterday I had pho for dinner",
  "my trainer had me do 4 sets of squats",
  "I ate what my son left over",
  "Made my kids pancakes and had two myself",
  "my friend and I split a pizza",
  "We shared a bottle of wine",
  "Had a coffee, thinking about a croissant",
  "I had a salad because I was trying to eat healthy",
  "I'd had a big lunch so skipped dinner",
  "I had a banana and nothing else",
  "Lunch: chicken wrap and an apple",
  "My girlfriend had a salad and I had a burger",
  "Just smashed a double cheeseburger",
  "Post-workout shake: 2 scoops whey with almond milk",
  "Ran 8 miles this morning, legs are toast",
  "Got my 3 liters of water in today",
  "Popped 2 ibuprofen and a multivitamin",
  "dinner tonight was salmon and rice",
  "I'm drinking a latte",
  "Woke up and took my thyroid meds",
  "benched 80kg for 3x5 today",
  "I ate way too much at the buffet, how bad is it?",
  "Honestly, I had three slices of cake",
  "i had pasta lol",
  "ok so I had 2 eggs and some bacon",
  "Can u add a glass of red wine",
  "pls log 500ml water",
  "Please record my weight: 81.2kg",
  "Mark my creatine as taken",
  "Update my lunch to 2 slices of pizza instead of 1",
  "Delete the banana from breakfast",
  "Had a bowl of cereal before bed",
  "Tried the new protein bar, pretty good",
  "I finally did my stretching routine",
  "Walked the dog for 40 minutes",
  "Swam 1500m at the pool",
  "My weight this morning: 79.8 kg",
  "I had oatmeal, my wife had eggs",
  "Grabbed a coffee and a muffin on the way to work",
  "We split a bottle of wine and some tapas",
  "A handful of almonds as a snack",
  "yes please log it",
  "2 slices of toast with peanut butter",
  "Coffee with oat milk this morning",
  "i ate a big mac and large fries",
  "Today I drank a protein shake after the gym",
  "Had leftovers for lunch - chicken curry",
  "Just back from a 30 min jog",
  "Did yoga for an hour",
  "Took 400mg magnesium before bed last night",
  "my lunch was a turkey sandwich",
  "I had 2 beers with my brother",
  "Had sushi with my colleagues",
  "snacked on some carrots and hummus",
  "Drank a can of coke, I know I shouldn't have",
  "I had the pasta, my friend had the pizza",
  "Note that I had a banana at 10",
  "Can you put down 3 eggs for breakfast",
  "Add creatine 5g to today",
  "I was hungry so I ate a granola bar",
  "Finally ate breakfast at 11",
  "Ate clean all day: chicken, rice, veggies",
  "I did eat breakfast today",
  "I ended up having pizza",
  "Breakfast: skipped. Lunch: big salad.",
  "Sorry I forgot to tell you, I had a bagel this morning",
  "Morning! Had my usual oats and a coffee",
  "Did chest and triceps, bench 4x8 at 70kg",
  "Completed my 5x5 program today",
  "Had a cheat day: pizza, ice cream and beer",
  "I took 2 capsules of ashwagandha",
  "Creatine ✅ Fish oil ✅",
  "Had 3 eggs. Is that too much cholesterol?",
  "What a day. I had a burger and fries for lunch.",
  "I didn't have breakfast but I had a big brunch",
  "No gym today but I walked 12k steps",
  "I cycled to work and back, about 20km",
  "After my run I drank a smoothie",
  "My coach had me run intervals, 6x400m",
  "i had a bite of my sons sandwich",
  "Late night snack: two cookies",
  "Can you log yesterday's dinner? It was lasagna",
  "I forgot to mention I also had a coffee at 3",
  "I weighed in at 74.5 this morning",
  "Threw back a pre-workout before lifting",
  "had like 4 cups of coffee today haha",
  "breakfast 3 scrambled eggs 1 toast",
  "just had a big bowl of pho 🍜",
  "omg I ate an entire sleeve of oreos",
  "had salad for lunch and a kitkat after",
  "i took my d3 and k2 this am",
  "leg day done! squats 5x5 @ 100kg, lunges 3x12",
  "Lunch today was a chicken caesar wrap from pret",
  "ive eaten 2 bananas today",
  "drank a red bull before my shift",
  "Finished the whole tub of ben & jerry's, no regrets",
  "Had a few drinks at the party",
  "we went out for indian, I had butter chicken and naan",
  "I went on a 45 minute bike ride",
  "record 8 hours of sleep last night",
  "put down a large latte please",
  "Yesterday: 2 coffees, a sandwich, pasta for dinner",
  "I'd like to add a snack: greek yogurt with honey",
  "my wife made curry and I had two bowls",
];

// Imagined, planned, wished, or asked about: no write.
const HYPOTHETICAL = [
  "what if I ate a whole pizza?",
  "would a burger fit my macros?",
  "should I take creatine before or after my workout?",
  "thinking about having a burger tonight",
  "I'm planning to run 10k tomorrow",
  "I plan to start creatine next week",
  "I'm going to have a salad for dinner",
  "gonna eat pizza later",
  "could I fit a donut into today?",
  "can I have a beer tonight?",
  "if I eat a bagel, how many carbs will I have left?",
  "I might have a snack later",
  "considering a protein shake after the gym",
  "tomorrow I will do legs",
  "next week I'll start intermittent fasting",
  "is it ok to take magnesium with zinc?",
  "how many calories would a large latte be?",
  "I want pizza so bad",
  "I should eat more vegetables",
  "Pizza tomorrow",
  "5k run tomorrow",
  "going for a 10 mile ride this afternoon",
  "will do a 5k run this evening",
  "I wish I had eaten breakfast",
  "how many calories in a banana?",
  "did I take my creatine today?",
  "what should I eat for dinner?",
  "should I log my cheat meal?",
  "What if I skip dinner? Just curious",
  "I'd love a burger right now",
  "my trainer said I should do 5x5",
  "Let's say I eat 3 eggs, how much protein is that?",
  "Would it be bad if I skipped breakfast?",
  "Is a banana a good pre-workout snack?",
  "I'm trying to decide between pasta and rice",
  "I'll have the salmon",
  "Maybe I'll go for a run",
  "If I had known, I would have eaten less",
  "asking for my wife: how many calories in a croissant?",
  "Is it bad if I eat carbs at night?",
  "What's healthier, rice or quinoa?",
  "How much protein should I eat per day?",
  "Should I skip my workout if I'm sore?",
  "Am I allowed a cheat meal this weekend?",
  "I'm about to eat lunch",
  "I'll probably grab a burger later",
  "Planning on doing a long run Sunday",
  "Would 2 scoops of whey be too much?",
  "If I drink a beer tonight will it ruin my progress?",
  "Thinking of starting creatine",
  "What about a smoothie for breakfast tomorrow?",
  "I need to drink more water",
  "I really want a donut right now",
  "How many calories does a Big Mac have?",
  "Can I eat bananas on keto?",
  "Do you think I could have ice cream tonight?",
  "what would happen if I doubled my creatine?",
  "I'm considering switching to plant protein",
  "Do I need to take creatine every day?",
  "I intend to run a marathon next year",
  "Would you recommend magnesium for sleep?",
  "Tonight I'm having steak",
  "Can I drink alcohol on this plan?",
  "Is 150g protein enough for me?",
  "Suppose I ate 3000 calories, would I gain weight?",
  "I'm hoping to hit 10k steps",
  "Maybe pizza for dinner?",
  "I feel like eating chocolate",
  "What should my macros be?",
  "Is creatine safe for teenagers?",
  "Could you suggest a high protein breakfast?",
  "If I skip dinner will I lose weight faster?",
  "I'm going to the gym later",
  "Next time I'll take my creatine with food",
  "Can I swap rice for quinoa?",
  "how much creatine should I take?",
  "Wondering if I should take my vitamin D in the morning",
  "Is it too late to eat dinner?",
  "would a protein bar be a good snack",
  "is it fine to train fasted",
  "thinking I'll have tacos tonight",
  "I'm going to try intermittent fasting",
  "what happens if I take too much zinc",
  "any ideas for a low carb dinner?",
  "how many grams of protein in chicken breast",
  "shall I do cardio or weights today?",
  "I'm heading to the gym in an hour",
];

// Said not to have happened, or a "no": no write.
const NEGATED = [
  "I didn't take my creatine",
  "did not eat breakfast",
  "haven't had anything since lunch",
  "skipped the gym today",
  "forgot to take my fish oil",
  "no breakfast today",
  "never ate lunch",
  "I don't eat meat",
  "I won't have dessert",
  "didn't finish my pizza",
  "I had nothing for breakfast",
  "I haven't worked out this week",
  "ran out of creatine so didn't take it",
  "never mind",
  "I had a pizza. Never mind, scratch that.",
  "don't log that",
  "no",
  "please don't add it",
  "I almost had a donut",
  "Not hungry so no lunch",
  "nope, didn't have it",
  "I was supposed to take my creatine but forgot",
  "I couldn't eat anything today",
  "I didn't have time to eat breakfast",
  "Haven't taken my vitamins yet",
  "I skipped lunch today",
  "Missed my morning dose",
  "Nothing to eat since 8am",
  "I did not go to the gym",
  "Forgot my pre-workout",
  "No workout today, too tired",
  "I haven't drunk any water today",
  "No thanks",
  "Don't add that",
  "I fasted all day",
  "I haven't eaten anything today",
  "No coffee for me today",
  "Didn't drink any alcohol this week",
  "I'm not taking creatine today",
  "skipped leg day again",
  "I never took the zinc",
  "Zero snacks today!",
  "I did not have dessert",
  "I forgot to take my pills this morning",
  "I didn't eat breakfast or lunch",
  "Couldn't make it to the gym today",
  "Not eating today, fasting",
  "I stopped myself from having a second slice",
  "Decided not to have dessert",
  "Nah, I'm good, didn't have anything else",
  "didnt eat dinner last night",
  "havent had my creatine today",
  "I have not taken my vitamins",
  "i skipped breakfast again",
  "no alcohol this weekend",
  "i didnt go for my run this morning",
  "Unfortunately I missed my workout",
];

// Someone else did it: no write.
const THIRD_PERSON = [
  "my friend ate a whole pizza",
  "my wife took her vitamins",
  "he had a burger",
  "she ran a marathon",
  "my son ate my protein bar",
  "Sarah had the salmon",
  "log my son's lunch: pasta",
  "my husband didn't eat dinner",
  "my kids had pancakes for breakfast",
  "my dog ate my chicken",
  "My husband had 3 beers",
  "My daughter finished her broccoli",
  "The kids ate pizza for lunch",
  "my coworker brought donuts and ate 4",
  "My mom takes vitamin D every day",
  "He ran a half marathon on Sunday",
  "they had burgers",
  "My roommate drank all my protein shakes",
  "My partner had a massive burrito",
  "my brother took creatine for a year",
  "His lunch was a burger and he ate fries too",
  "She had a glass of wine",
  "Our son ate half a watermelon",
  "My wife is taking iron supplements",
  "my sister ran the london marathon yesterday",
  "My friend Tom ate 3 burgers",
  "Jake had a protein shake after training",
  "my bf ate my leftovers",
  "my gf had a smoothie",
  "the baby ate some banana",
  "my mum had a slice of cake",
];

describe("guardToolCall on real phrasings", () => {
  it.each(REPORTS)("allows a write for %j", (message) => {
    expect(guardToolCall(logMeal, message)).toEqual({ allowed: true });
  });

  it.each(HYPOTHETICAL)("refuses a write for %j as hypothetical", (message) => {
    expect(guardToolCall(logMeal, message)).toMatchObject({ allowed: false, reason: "hypothetical" });
  });

  it.each(NEGATED)("refuses a write for %j as negated", (message) => {
    expect(guardToolCall(logMeal, message)).toMatchObject({ allowed: false, reason: "negated" });
  });

  it.each(THIRD_PERSON)("refuses a write for %j as third-person", (message) => {
    expect(guardToolCall(logMeal, message)).toMatchObject({ allowed: false, reason: "third-person" });
  });

  it.each([...REPORTS, ...HYPOTHETICAL, ...NEGATED, ...THIRD_PERSON])("always allows a read for %j", (message) => {
    expect(guardToolCall(getDailySummary, message)).toEqual({ allowed: true });
  });
});

describe("guardToolCall explanations", () => {
  it("names the tool and the phrase that decided", () => {
    const decision = guardToolCall({ name: "log_supplement", kind: "write" }, "I didn't take my creatine");
    expect(decision).toEqual({
      allowed: false,
      reason: "negated",
      explanation: expect.stringMatching(/log_supplement.*"take"/),
    });
  });

  it("explains a bare question", () => {
    expect(guardToolCall(logMeal, "How many calories in a banana?")).toEqual({
      allowed: false,
      reason: "hypothetical",
      explanation: expect.stringContaining("asks a question"),
    });
  });

  it("lets messages with nothing to judge through (confirmations, empty text)", () => {
    expect(guardToolCall(logMeal, "yes")).toEqual({ allowed: true });
    expect(guardToolCall(logMeal, "sounds good, thanks!")).toEqual({ allowed: true });
    expect(guardToolCall(logMeal, "")).toEqual({ allowed: true });
  });
});

describe("analyseIntent flags", () => {
  it("hypothetical", () => {
    expect(analyseIntent("what if I ate a whole pizza?")).toMatchObject({
      hypothetical: true,
      negated: false,
      thirdPerson: false,
      question: true,
      reportsAction: false,
    });
  });

  it("negated", () => {
    expect(analyseIntent("I didn't take my creatine")).toMatchObject({
      hypothetical: false,
      negated: true,
      thirdPerson: false,
      question: false,
    });
  });

  it("third person", () => {
    expect(analyseIntent("my friend ate a whole pizza")).toMatchObject({
      hypothetical: false,
      negated: false,
      thirdPerson: true,
      question: false,
    });
  });

  it("a trainer's advice keeps the user as the subject: hypothetical, not third person", () => {
    const intent = analyseIntent("my trainer said I should take creatine");
    expect(intent.thirdPerson).toBe(false);
    expect(intent.hypothetical).toBe(true);
  });

  it("a question after a report keeps the report", () => {
    const intent = analyseIntent("I had a pizza, would that be a lot?");
    expect(intent).toMatchObject({ reportsAction: true, hypothetical: false, question: true });
    expect(intent.reasons.join(" ")).toContain("had");
  });

  it("reports both flags when someone else did not do something", () => {
    expect(analyseIntent("my husband didn't eat dinner")).toMatchObject({ thirdPerson: true, negated: true });
  });

  it("recognises questions by their opener without a question mark", () => {
    expect(analyseIntent("how much protein should I eat").question).toBe(true);
    expect(analyseIntent("did I take my creatine today").question).toBe(true);
    expect(analyseIntent("had a coffee").question).toBe(false);
    expect(analyseIntent("what I had for lunch: a wrap").question).toBe(false);
  });
});

describe("per-clause analysis", () => {
  it("splits a partly eaten meal into a negated clause and a report", () => {
    const { clauses, negated, reportsAction } = analyseIntent("didn't finish my pizza, ate half");
    expect(clauses.map((clause) => [clause.text, clause.negated, clause.reportsAction])).toEqual([
      ["did not finish my pizza", true, false],
      ["ate half", false, true],
    ]);
    expect(negated).toBe(false);
    expect(reportsAction).toBe(true);
  });

  it("marks each clause of a mixed message", () => {
    const { clauses } = analyseIntent("I had eggs, my wife had pancakes, and tomorrow I'm having waffles");
    expect(
      clauses.map((clause) => ({
        report: clause.reportsAction,
        third: clause.thirdPerson,
        hypothetical: clause.hypothetical,
      })),
    ).toEqual([
      { report: true, third: false, hypothetical: false },
      { report: false, third: true, hypothetical: false },
      { report: false, third: false, hypothetical: true },
    ]);
  });

  it("marks write requests", () => {
    const [clause] = analyseIntent("could you log 2 eggs").clauses;
    // A polite yes/no question that asks for a write is both a question and a request.
    expect(clause).toMatchObject({ logRequest: true, reportsAction: true, question: true });
  });

  it("a call-off cancels the earlier report", () => {
    const intent = analyseIntent("I had a pizza. Never mind, scratch that.");
    expect(intent.reportsAction).toBe(false);
    expect(intent.negated).toBe(true);
    expect(intent.clauses.some((clause) => clause.cancels)).toBe(true);
  });

  it("expands contractions and typographic apostrophes the same way", () => {
    expect(analyseIntent("I didn’t eat").clauses[0]?.text).toBe("i did not eat");
    expect(analyseIntent("I didnt eat").clauses[0]?.text).toBe("i did not eat");
    expect(analyseIntent("I'd had lunch").clauses[0]?.text).toBe("i had had lunch");
    expect(analyseIntent("I'd like lunch").clauses[0]?.text).toBe("i would like lunch");
  });
});

describe("workout logs that look like names or questions", () => {
  const logWorkout = { name: "log_workout", kind: "write" as const };
  it.each([
    "Leg press 4x10 at 200",
    "Incline bench 3x10 at 60",
    "Front squat 3x3 at 90",
    "Dumbbell rows 3x10 at 30kg",
    "Overhead press 3 x 8 x 40kg",
    "Did a 20 min HIIT session",
    "did a 30 min peloton ride",
  ])("allows %j", (message) => {
    expect(guardToolCall(logWorkout, message)).toEqual({ allowed: true });
  });

  it.each([
    ["Jake benched 100kg today", "third-person"],
    ["Sarah ran 5k this morning", "third-person"],
    ["did I log my run yesterday?", "hypothetical"],
  ])("still refuses %j", (message, reason) => {
    expect(guardToolCall(logWorkout, message)).toMatchObject({ allowed: false, reason });
  });
});

describe("training messages the skill and the guard must read the same way", () => {
  const logWorkout = { name: "log_workout", kind: "write" as const };
  it.each([
    "ran 8k this morning in 44 minutes",
    "bench 3x5 at 85kg",
    "did a 40 minute spin class",
    "hit legs today: squats 4x6 @ 110, RDLs 3x8 @ 90",
    "deadlifted 180 for a triple",
    "weighed in at 83.2 this morning",
    "5k row in 21:30",
    "my training partner and I did 10 rounds of burpees",
    "swam 2k before work",
    "pull ups 5x8, dips 3x12",
    "30 min on the bike then abs",
    "tennis this afternoon, about an hour of singles",
    // an activity named after its distance or time is a noun, and the same day's afternoon may be past
    "10 mile bike ride this afternoon",
    "5k run this evening",
    "went climbing with my brother for 2 hours",
    "me and the wife walked 8k",
    "body fat 18% today",
    "waist 84cm",
    "did my physio exercises",
    "push day done, bench 4x8 at 70",
    "played 90 min of 5-a-side",
    "got 12k steps in",
    "Club run this morning, 15k",
    "a group ride this morning, 40k",
    "repped 100 on bench for 8",
    "did the parkrun in 24:10",
    "thanks mate, had a great session: deadlift 3x5 at 150",
    "morning coach, squatted 120 for 5",
    "did my stretches",
    "ran with my dog for 30 min",
    "gym with my girlfriend: leg press 4x10 at 200",
    "tempo run 6k at 5:00/km, felt strong",
  ])("allows %j", (message) => {
    expect(guardToolCall(logWorkout, message)).toEqual({ allowed: true });
  });

  it.each([
    "planning a long run on sunday, maybe 20k",
    "should I deadlift today if my back is sore?",
    "if I bench 100 would that be a PR?",
    "gonna hit chest later, bench and flyes",
    "tomorrow: 5x5 squats and overhead press",
    "thinking of doing a half marathon in spring",
    "what if I ran 10k every day?",
    "might go for a swim later",
    "I want to squat 150 by summer",
    "next week I will try 3x3 at 140",
    "hoping to do a 5k tonight",
    "leg day tomorrow, squats and lunges",
    "Would 3x10 or 5x5 be better for hypertrophy?",
    "did my bench go up this month?",
    "is 3x8 enough volume for growth?",
    "my plan for tomorrow is 10k easy",
    "going for a run in an hour",
  ])("refuses %j as hypothetical", (message) => {
    expect(guardToolCall(logWorkout, message)).toMatchObject({ allowed: false, reason: "hypothetical" });
  });

  it.each([
    "no run today, legs are dead",
    "didn't make it to the gym",
    "skipped my workout, work was mental",
    "rest day today",
    "took the day off training",
    "couldn't be bothered to train today",
    "bailed on my run because of the rain",
    "blew off leg day",
    "sat out today's class, my knee hurts",
    "called off my long run",
    "never made it to spin class",
    "missed my session this morning",
    "didn't lift this week",
    "no gym for me this week",
    "i skived off the gym",
    "it's a rest day",
    "having a rest day",
    "ducked out of leg day again, oops",
    "gave the gym a miss today, knackered",
  ])("refuses %j as negated", (message) => {
    expect(guardToolCall(logWorkout, message)).toMatchObject({ allowed: false, reason: "negated" });
  });

  it.each([
    "my brother ran a marathon in 3:40",
    "my wife weighs 60 kg",
    "my coach benches 200",
    "the lad next to me was repping 140 on bench",
    "my girlfriend did a 10k this morning",
    "my mate squatted 180 yesterday",
    "her PR is 100kg deadlift",
    "my son swam 50 lengths",
    "Dad walked 10k today",
    "gym buddy hit a 200 deadlift",
    "our coach ran us through 10 sprints",
    "some guy at the gym benched 180",
    "his best squat is 200",
    "the guys ran 10k",
    "the guy next to me at the gym deadlifted 250 for reps",
    "training partner squatted 200kg, I just watched",
    "my mum is on 1000 IU of vitamin D a day",
  ])("refuses %j as third-person", (message) => {
    expect(guardToolCall(logWorkout, message)).toMatchObject({ allowed: false, reason: "third-person" });
  });

  it("a list after a plan spells out the plan", () => {
    const { clauses, hypothetical, reportsAction } = analyseIntent(
      "I'm going to do legs tomorrow, squats 5x5 and lunges",
    );
    expect(reportsAction).toBe(false);
    expect(hypothetical).toBe(true);
    expect(clauses.map((clause) => clause.hypothetical)).toEqual([true, true]);
  });

  it("keeps owning and receiving apart from doing", () => {
    // Someone else's recipe or a meal made for them says nothing about who ate.
    expect(analyseIntent("my mum's lasagna, 2 slices").thirdPerson).toBe(false);
    expect(analyseIntent("pasta for my son, 200 g").thirdPerson).toBe(false);
  });
});

describe("tools that remove an entry", () => {
  const deleteMeal = { name: "delete_meal", kind: "write" as const, removes: true };
  it.each(["scratch that, I didn't actually eat it", "never mind that last one", "delete my last meal"])(
    "allows %j",
    (message) => {
      expect(guardToolCall(deleteMeal, message)).toEqual({ allowed: true });
    },
  );

  it.each([
    ["I didn't eat breakfast today", "negated"],
    ["had a pizza, scratch that", "negated"],
    ["what if I deleted my lunch?", "hypothetical"],
  ])("still refuses %j", (message, reason) => {
    expect(guardToolCall(deleteMeal, message)).toMatchObject({ allowed: false, reason });
  });

  it("lets the take-back through for the removal only", () => {
    expect(guardToolCall(logMeal, "scratch that, I didn't actually eat it")).toMatchObject({ allowed: false });
  });
});

describe("tools that accept plans", () => {
  const createProtocol = { name: "create_protocol", kind: "write" as const, acceptsPlans: true };
  const logIntake = { name: "log_supplement_intake", kind: "write" as const };

  it.each([
    "starting creatine tomorrow, 5 g daily",
    "pause fish oil until next Monday",
    "hold off on creatine till next Monday",
    "I'll take the fish oil three times a day from now on",
    "gonna start doing 3g of creatine a day from tomorrow",
    "melatonin, 3 drops before bed, starting tonight",
    "from next week creatine 5g daily",
    "resume zinc on Monday",
    "starting Monday I'll take vitamin D 2000 IU every morning",
    "my doctor wants me to start iron 65 mg every other day",
    "I'm going to cycle off creatine for a month starting next week",
    "add magnesium 300mg before bed starting tomorrow",
    "please pause creatine until the 15th",
    "can you pause my fish oil until Monday?",
    "could you move my zinc to evenings from next week",
    "I plan to start creatine next week",
    "I'm going to start taking ashwagandha 600 mg every evening",
    "next week I'll drop the zinc to 15 mg",
    "I need to take iron every other day from now on",
    "my doctor told me to take vitamin D 4000 IU daily",
    "from tomorrow, magnesium 400mg at night",
    "will be taking creatine 5g every morning from monday",
    "I'm starting fish oil next week, 2 caps with dinner",
    "stop the melatonin after this week",
    "bump creatine to 10g starting tomorrow",
    "i'll be on vitamin D 2000IU daily through the winter",
    "pause my creatine while I'm on holiday next week",
  ])("allows the plan %j", (message) => {
    expect(guardToolCall(createProtocol, message)).toEqual({ allowed: true });
  });

  it.each([
    "starting creatine tomorrow, 5 g daily",
    "pause fish oil until next Monday",
    "I'll take the fish oil three times a day from now on",
    "gonna start doing 3g of creatine a day from tomorrow",
    "melatonin, 3 drops before bed, starting tonight",
    "starting Monday I'll take vitamin D 2000 IU every morning",
    "I plan to start creatine next week",
    "my doctor told me to take vitamin D 4000 IU daily",
  ])("refuses the plan %j to a tool that records what was done", (message) => {
    expect(guardToolCall(logIntake, message)).toMatchObject({ allowed: false, reason: "hypothetical" });
  });

  it.each(
    [
      "should I start creatine tomorrow?",
      "thinking about starting creatine next week",
      "maybe I'll start ashwagandha next month",
      "what if I took zinc at night",
      "would taking magnesium help me sleep better?",
      "considering adding fish oil next month",
      "I might pause creatine next week",
      "if I start creatine tomorrow, when will it kick in?",
      "is it ok to start creatine tomorrow?",
      "I want to try beta alanine next month",
      "I'll probably stop zinc soon",
      "can I take magnesium with zinc?",
      "thinking about starting creatine, is 5g a day the right amount?",
      "my coach says I should maybe take zinc, what do you think?",
      "wondering whether to start vitamin D tomorrow",
      "I should take vitamin D daily",
      "not sure if I'll keep taking zinc next month",
      "I'm not going to take creatine next week",
      "I won't be taking fish oil tomorrow",
      "skip fish oil next week",
      "don't add creatine",
    ].filter((message) => message !== "don't add creatine"),
  )("refuses %j, which deliberates or rules it out", (message) => {
    expect(guardToolCall(createProtocol, message)).toMatchObject({ allowed: false, reason: "hypothetical" });
  });

  it.each(["don't add creatine", "I didn't take my creatine", "forgot to take my fish oil"])(
    "refuses %j as negated",
    (message) => {
      expect(guardToolCall(createProtocol, message)).toMatchObject({ allowed: false, reason: "negated" });
    },
  );

  it.each([
    "my wife is starting creatine tomorrow",
    "my husband will take 5g creatine from monday",
    "my mum is going to start vitamin D next week",
    "my son needs to take iron daily",
    "my mum is on 1000 IU of vitamin D a day",
  ])("refuses %j as third-person", (message) => {
    expect(guardToolCall(createProtocol, message)).toMatchObject({ allowed: false, reason: "third-person" });
  });

  it.each([...REPORTS.slice(0, 20), "I take 5g of creatine every morning"])("still allows the report %j", (message) => {
    expect(guardToolCall(createProtocol, message)).toEqual({ allowed: true });
  });

  it.each([...HYPOTHETICAL, ...NEGATED, ...THIRD_PERSON].filter((message) => !analyseIntent(message).plan))(
    "refuses %j like any write",
    (message) => {
      expect(guardToolCall(createProtocol, message).allowed).toBe(false);
    },
  );

  it("sets the plan flag only on the user's own undeliberated plans", () => {
    expect(analyseIntent("starting creatine tomorrow, 5 g daily")).toMatchObject({
      plan: true,
      hypothetical: true,
      reportsAction: false,
    });
    expect(
      analyseIntent("I'm starting creatine tomorrow, take 5 g daily").clauses.map((clause) => clause.plan),
    ).toEqual([true, true]);
    expect(analyseIntent("what if I started creatine tomorrow?").plan).toBe(false);
    expect(analyseIntent("took my creatine").plan).toBe(false);
    // A plan next to a deliberation is not a plan the user has made.
    expect(analyseIntent("starting creatine tomorrow, or maybe next week").plan).toBe(false);
  });

  it("explains a refusal as deliberation, not as a plan", () => {
    expect(guardToolCall(createProtocol, "should I start creatine tomorrow?")).toEqual({
      allowed: false,
      reason: "hypothetical",
      explanation: expect.stringContaining("not a plan the user has made"),
    });
  });
});

describe("phrasings met on a held-out run", () => {
  const logWorkout = { name: "log_workout", kind: "write" as const };
  it.each([
    ["gym buddy smashed 220 today", "third-person"],
    ["gym buddy pulled 220 today, mental", "third-person"],
    ["wife is on iron tablets", "third-person"],
    ["I meant to take my zinc", "negated"],
    ["how much magnesium am I meant to take?", "hypothetical"],
    ["gave spin class a miss, too tired", "negated"],
    ["skipped leg press", "negated"],
    ["my son's at 45 kg now", "third-person"],
    ["my wife's lunch was a salad", "third-person"],
    ["my son's friend ate pizza", "third-person"],
  ])("refuses %j as %s", (message, reason) => {
    expect(guardToolCall(logWorkout, message)).toMatchObject({ allowed: false, reason });
  });

  it.each([
    "kids meal from mcdonalds",
    "pull ups 5x8, dips 3x12",
    "pulled 200 for a double",
    "did spin class this morning",
    "missed bench press but did squats 5x5",
    "my mum's lasagna was amazing, had 2 slices",
    "my son's sandwich was huge, ate half",
    "I ate my son's leftovers",
  ])("allows %j", (message) => {
    expect(guardToolCall(logWorkout, message)).toEqual({ allowed: true });
  });
});
