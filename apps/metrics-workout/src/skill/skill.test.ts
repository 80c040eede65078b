import { guardToolCall, toToolSpec, type ChatMessage, type SkillStep } from "@ensemble/ai";
import { metricsWorkoutTools } from "@ensemble/tools";
import { describe, expect, it } from "vitest";
import { metricsWorkoutSkill } from "./index.ts";

// Saturday 28 November 2026, 09:00 UTC.
const NOW = new Date("2026-11-28T09:00:00.000Z");
const TOOLS = metricsWorkoutTools.map(toToolSpec);

function firstStep(message: string, history: ChatMessage[] = []): SkillStep {
  return metricsWorkoutSkill.next({
    messages: [{ role: "system", content: "prompt" }, ...history, { role: "user", content: message }],
    tools: TOOLS,
    now: NOW,
  });
}

function calls(message: string, history: ChatMessage[] = []) {
  const step = firstStep(message, history);
  return step.type === "tool-calls" ? step.calls : [];
}

function only(message: string, name: string): Record<string, unknown> {
  const made = calls(message);
  expect(made.map((call) => call.name)).toEqual([name]);
  return made[0]!.arguments;
}

const WRITES = new Set(["log_workout", "log_body_metric"]);

describe("metrics-workout skill: logging", () => {
  it.each<[string, Record<string, unknown>]>([
    ["5x5 squats at 100kg", { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] }] }],
    [
      "squatted 5x5 at 100 kg",
      { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] }] },
    ],
    [
      "3 sets of 8 at 60 kg, then 3x10 pull-ups",
      {
        exercises: [
          { name: "unspecified lift", sets: [{ count: 3, reps: 8, load: 60, unit: "kg" }] },
          { name: "pull-up", sets: [{ count: 3, reps: 10 }] },
        ],
      },
    ],
    [
      "worked up to a single at 180",
      { exercises: [{ name: "unspecified lift", sets: [{ count: 1, reps: 1, load: 180 }] }] },
    ],
    [
      "Deadlift today: worked up to a single at 180",
      { exercises: [{ name: "deadlift", sets: [{ count: 1, reps: 1, load: 180 }] }] },
    ],
    ["5k in 27 minutes", { exercises: [{ name: "run", distance: 5, distanceUnit: "km", durationMinutes: 27 }] }],
    ["BP 3x5 at 90kg", { exercises: [{ name: "bench press", sets: [{ count: 3, reps: 5, load: 90, unit: "kg" }] }] }],
    ["benched 225 for 5 reps", { exercises: [{ name: "bench press", sets: [{ count: 1, reps: 5, load: 225 }] }] }],
    ["Squatted 140 for a triple", { exercises: [{ name: "squat", sets: [{ count: 1, reps: 3, load: 140 }] }] }],
    [
      "hit a 140 kg deadlift for 3",
      { exercises: [{ name: "deadlift", sets: [{ count: 1, reps: 3, load: 140, unit: "kg" }] }] },
    ],
    [
      "deadlift 180kg x 3, 190kg x 1",
      {
        exercises: [
          {
            name: "deadlift",
            sets: [
              { count: 1, reps: 3, load: 180, unit: "kg" },
              { count: 1, reps: 1, load: 190, unit: "kg" },
            ],
          },
        ],
      },
    ],
    [
      "bench 80kg for 8, 8, 7",
      {
        exercises: [
          {
            name: "bench press",
            sets: [
              { count: 2, reps: 8, load: 80, unit: "kg" },
              { count: 1, reps: 7, load: 80, unit: "kg" },
            ],
          },
        ],
      },
    ],
    [
      "bench 3x8 at 60kg, 2x5 at 70",
      {
        exercises: [
          {
            name: "bench press",
            sets: [
              { count: 3, reps: 8, load: 60, unit: "kg" },
              { count: 2, reps: 5, load: 70 },
            ],
          },
        ],
      },
    ],
    [
      "OHP 3x5 @ 50kg then dips 3x12 and face pulls 3x15 at 20",
      {
        exercises: [
          { name: "overhead press", sets: [{ count: 3, reps: 5, load: 50, unit: "kg" }] },
          { name: "dip", sets: [{ count: 3, reps: 12 }] },
          { name: "face pull", sets: [{ count: 3, reps: 15, load: 20 }] },
        ],
      },
    ],
    [
      "Leg day: squats 4x6 @ 110kg, leg press 3x12 at 200kg, lunges 3x10",
      {
        title: "Leg day",
        exercises: [
          { name: "squat", sets: [{ count: 4, reps: 6, load: 110, unit: "kg" }] },
          { name: "leg press", sets: [{ count: 3, reps: 12, load: 200, unit: "kg" }] },
          { name: "lunge", sets: [{ count: 3, reps: 10 }] },
        ],
      },
    ],
    [
      "did 3 sets of 12 curls with 15kg dumbbells",
      { exercises: [{ name: "bicep curl", sets: [{ count: 3, reps: 12, load: 15, unit: "kg" }] }] },
    ],
    [
      "chin-ups 10, 8, 6",
      {
        exercises: [
          {
            name: "chin-up",
            sets: [
              { count: 1, reps: 10 },
              { count: 1, reps: 8 },
              { count: 1, reps: 6 },
            ],
          },
        ],
      },
    ],
    ["did 20 pushups", { exercises: [{ name: "push-up", sets: [{ count: 1, reps: 20 }] }] }],
    [
      "ran 10 km in 52:30 this morning",
      { exercises: [{ name: "run", distance: 10, distanceUnit: "km", durationMinutes: 52.5 }] },
    ],
    [
      "rowed 2000m in 7:45",
      { exercises: [{ name: "rowing", distance: 2000, distanceUnit: "m", durationMinutes: 7.75 }] },
    ],
    [
      "swam 1500m in 35 min yesterday",
      { exercises: [{ name: "swimming", distance: 1500, distanceUnit: "m", durationMinutes: 35 }], date: "2026-11-27" },
    ],
    [
      "walked 3 miles in 55 minutes",
      { exercises: [{ name: "walk", distance: 3, distanceUnit: "mi", durationMinutes: 55 }] },
    ],
    [
      "half marathon today in 1:52:10",
      { exercises: [{ name: "run", distance: 21.0975, distanceUnit: "km", durationMinutes: 112.17 }] },
    ],
    [
      "10k run at 5:30/km pace",
      { exercises: [{ name: "run", distance: 10, distanceUnit: "km", durationMinutes: 55 }] },
    ],
    ["went for a 45 min bike ride", { exercises: [{ name: "cycling", durationMinutes: 45 }] }],
    ["30 minute yoga", { exercises: [{ name: "yoga", durationMinutes: 30 }] }],
    ["did 30 minutes of yoga", { exercises: [{ name: "yoga", durationMinutes: 30 }] }],
    ["an hour of pilates", { exercises: [{ name: "pilates", durationMinutes: 60 }] }],
    ["played tennis for 90 minutes", { exercises: [{ name: "tennis", durationMinutes: 90 }] }],
    [
      "ran 3 miles in 28 minutes, felt great",
      { exercises: [{ name: "run", distance: 3, distanceUnit: "mi", durationMinutes: 28 }], notes: "felt great" },
    ],
    ["went to the gym", { exercises: [{ name: "strength training" }] }],
  ])("%j logs a workout", (message, expected) => {
    expect(only(message, "log_workout")).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["82.1kg, 17% bf", { weight: 82.1, weightUnit: "kg", bodyFatPercent: 17 }],
    ["scale says 79.9", { weight: 79.9 }],
    ["weighed in at 176.4 lbs this morning", { weight: 176.4, weightUnit: "lb" }],
    ["I'm 80.2 kg today", { weight: 80.2, weightUnit: "kg" }],
    ["down to 81.3!", { weight: 81.3 }],
    ["morning weigh-in: 79.5 kg, body fat 18.2%", { weight: 79.5, weightUnit: "kg", bodyFatPercent: 18.2 }],
    [
      "waist 84 cm, hips 98 cm",
      {
        circumferences: [
          { site: "waist", value: 84, unit: "cm" },
          { site: "hips", value: 98, unit: "cm" },
        ],
      },
    ],
    ["waist is 33 inches", { circumferences: [{ site: "waist", value: 33, unit: "in" }] }],
    ["body fat is 18 percent", { bodyFatPercent: 18 }],
    ["weighed 81 kg yesterday", { weight: 81, weightUnit: "kg", date: "2026-11-27" }],
  ])("%j logs body metrics", (message, expected) => {
    expect(only(message, "log_body_metric")).toEqual(expected);
  });

  it("logs a weight and a workout from one message", () => {
    const made = calls("weighed 80kg and did 5x5 squats at 100kg");
    expect(made).toEqual([
      { name: "log_body_metric", arguments: { weight: 80, weightUnit: "kg" } },
      {
        name: "log_workout",
        arguments: { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] }] },
      },
    ]);
  });

  it("logs a report and reads what the same message asks", () => {
    const made = calls("deadlifted 180 for a triple! also what's my weight trend?");
    expect(made.map((call) => call.name)).toEqual(["log_workout", "get_body_metrics"]);
    // A report without a question reads nothing.
    expect(calls("deadlifted 180 for a triple!").map((call) => call.name)).toEqual(["log_workout"]);
  });

  it("reads progress news as news: no empty session, the lift's records instead", () => {
    expect(calls("my bench went from 80 to 85kg this week!")).toEqual([
      { name: "get_personal_records", arguments: { exercise: "bench press" } },
    ]);
  });

  it("asks the records question again for the exercise a follow-up names", () => {
    const made = calls("and deadlift?", [
      { role: "user", content: "what's my squat PR?" },
      { role: "assistant", content: "Your record: squat 100 kg x 5." },
    ]);
    expect(made).toEqual([{ name: "get_personal_records", arguments: { exercise: "deadlift" } }]);
  });

  it("names unnamed sets from the exercise in an earlier message", () => {
    const made = calls("worked up to a single at 180", [
      { role: "user", content: "deadlift day today" },
      { role: "assistant", content: "Have a good session!" },
    ]);
    expect(made).toEqual([
      {
        name: "log_workout",
        arguments: { exercises: [{ name: "deadlift", sets: [{ count: 1, reps: 1, load: 180 }] }] },
      },
    ]);
  });

  it("only calls tools it was offered", () => {
    const step = metricsWorkoutSkill.next({
      messages: [{ role: "user", content: "5x5 squats at 100kg" }],
      tools: TOOLS.filter((tool) => tool.name !== "log_workout"),
      now: NOW,
    });
    expect(step.type === "tool-calls" ? step.calls.map((call) => call.name) : []).not.toContain("log_workout");
  });
});

describe("metrics-workout skill: never writes for plans, hypotheticals, negations or other people", () => {
  it.each([
    "planning to run 10k on Sunday",
    "if I lose 0.5 kg a week when will I reach 75?",
    "skipped the gym",
    "skipped the gym today, felt awful",
    "didn't train today, too tired",
    "no workout today, rest day",
    "my wife ran a 10k this morning",
    "my brother benched 140 kg",
    "I'm going to deadlift tomorrow",
    "I'll do 5x5 squats on Monday",
    "should I do 5x5 or 3x10?",
    "what would my 1RM be if I did 100 for 5?",
    "hoping to hit a 100kg bench next month",
    "I want to weigh 75 kg by summer",
    "thinking about running a marathon next year",
    "missed my run this morning",
    "what if I squatted 120 for 5?",
  ])("%j", (message) => {
    expect(calls(message).filter((call) => WRITES.has(call.name))).toEqual([]);
  });
});

describe("metrics-workout skill: questions", () => {
  it.each<[string, string, Record<string, unknown>]>([
    ["what's my bench PR?", "get_personal_records", { exercise: "bench press" }],
    ["what's my estimated 1RM on squat?", "get_personal_records", { exercise: "squat" }],
    ["what are my PRs?", "get_personal_records", {}],
    ["what's my fastest 5k?", "get_personal_records", { exercise: "run" }],
    ["how's my weight trending?", "get_body_metrics", { metric: "weight" }],
    ["how much have I lost since I started?", "get_body_metrics", { metric: "weight", days: 3650 }],
    [
      // "over the last month" is the 30 days up to today; "last month" alone is October.
      "what's my body fat trend over the last month?",
      "get_body_metrics",
      { metric: "body_fat", days: 30 },
    ],
    [
      "what was my body fat last month?",
      "get_body_metrics",
      { metric: "body_fat", from: "2026-10-01", to: "2026-10-31" },
    ],
    ["if I lose 0.5 kg a week when will I reach 75?", "get_body_metrics", { metric: "weight", days: 30 }],
    ["what did I do at the gym this week?", "get_workouts", { from: "2026-11-23", to: "2026-11-28" }],
    ["how many times did I run this month?", "get_workouts", { exercise: "run", from: "2026-11-01", to: "2026-11-28" }],
    ["skipped the gym today", "get_workouts", {}],
  ])("%j reads %s", (message, name, args) => {
    expect(only(message, name)).toEqual(args);
  });

  it("reads records and recent sessions for progress on one lift", () => {
    expect(calls("how is my squat progressing?").map((call) => call.name)).toEqual([
      "get_personal_records",
      "get_workouts",
    ]);
  });

  it("answers someone else's training without any tool", () => {
    const step = firstStep("my wife ran a 10k this morning");
    expect(step.type).toBe("answer");
    expect(step.type === "answer" ? step.text : "").toMatch(/only track your own/);
  });
});

// More phrasings met while testing the skill by hand; each line is the whole first step.
describe("metrics-workout skill: realistic phrasings", () => {
  it.each<[string, { name: string; arguments: Record<string, unknown> }[]]>([
    [
      "Just finished my run - 8.2km in 44:10",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "run", distance: 8.2, distanceUnit: "km", durationMinutes: 44.17 }] },
        },
      ],
    ],
    [
      "Did legs today. Squat 5x5 @ 120kg, RDL 3x8 @ 100kg, leg curls 3x12",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              { name: "squat", sets: [{ count: 5, reps: 5, load: 120, unit: "kg" }] },
              { name: "romanian deadlift", sets: [{ count: 3, reps: 8, load: 100, unit: "kg" }] },
              { name: "leg curl", sets: [{ count: 3, reps: 12 }] },
            ],
          },
        },
      ],
    ],
    ["weigh in this morning 91.3", [{ name: "log_body_metric", arguments: { weight: 91.3 } }]],
    ["Todays weight: 84.6kg", [{ name: "log_body_metric", arguments: { weight: 84.6, weightUnit: "kg" } }]],
    [
      "Hit a new deadlift PR of 200kg!",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "deadlift", sets: [{ count: 1, reps: 1, load: 200, unit: "kg" }] }] },
        },
      ],
    ],
    [
      "Pull ups 5x8, bodyweight",
      [{ name: "log_workout", arguments: { exercises: [{ name: "pull-up", sets: [{ count: 5, reps: 8 }] }] } }],
    ],
    [
      "Went swimming for 40 minutes",
      [{ name: "log_workout", arguments: { exercises: [{ name: "swimming", durationMinutes: 40 }] } }],
    ],
    [
      "Morning jog, about 30 mins",
      [{ name: "log_workout", arguments: { exercises: [{ name: "run", durationMinutes: 30 }] } }],
    ],
    [
      "spin class 45 min",
      [{ name: "log_workout", arguments: { exercises: [{ name: "cycling", durationMinutes: 45 }] } }],
    ],
    [
      "I did squats, lunges and leg press today",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "squat" }, { name: "lunge" }, { name: "leg press" }] },
        },
      ],
    ],
    [
      "incline db press 3x10 with 30s",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "incline dumbbell press", sets: [{ count: 3, reps: 10, load: 30 }] }] },
        },
      ],
    ],
    [
      "Deadlifts: 140x5, 150x3, 160x1",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              {
                name: "deadlift",
                sets: [
                  { count: 1, reps: 5, load: 140 },
                  { count: 1, reps: 3, load: 150 },
                  { count: 1, reps: 1, load: 160 },
                ],
              },
            ],
          },
        },
      ],
    ],
    [
      "10,000 steps today",
      [{ name: "log_workout", arguments: { exercises: [{ name: "walk", notes: "10000 steps" }] } }],
    ],
    [
      "Did 100 push-ups throughout the day",
      [{ name: "log_workout", arguments: { exercises: [{ name: "push-up", sets: [{ count: 1, reps: 100 }] }] } }],
    ],
    [
      "Ran the parkrun in 24:35",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "run", distance: 5, distanceUnit: "km", durationMinutes: 24.58 }] },
        },
      ],
    ],
    [
      "Squatted 315 for 3 sets of 5",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "squat", sets: [{ count: 3, reps: 5, load: 315 }] }] },
        },
      ],
    ],
    [
      "Front squat 3x3 at 90, felt heavy",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [{ name: "front squat", sets: [{ count: 3, reps: 3, load: 90 }] }],
            notes: "felt heavy",
          },
        },
      ],
    ],
    [
      "Bouldering session for an hour and a half",
      [{ name: "log_workout", arguments: { exercises: [{ name: "climbing", durationMinutes: 90 }] } }],
    ],
    [
      "played 5-a-side football for an hour",
      [{ name: "log_workout", arguments: { exercises: [{ name: "football", durationMinutes: 60 }] } }],
    ],
    [
      "Lat pulldown 3x12 at 55kg and seated rows 3x12 at 50kg",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              { name: "lat pulldown", sets: [{ count: 3, reps: 12, load: 55, unit: "kg" }] },
              { name: "seated cable row", sets: [{ count: 3, reps: 12, load: 50, unit: "kg" }] },
            ],
          },
        },
      ],
    ],
    [
      "Did my 5x5 today: squat 100, bench 70, row 60",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              { name: "squat", sets: [{ count: 5, reps: 5, load: 100 }] },
              { name: "bench press", sets: [{ count: 5, reps: 5, load: 70 }] },
              { name: "barbell row", sets: [{ count: 5, reps: 5, load: 60 }] },
            ],
          },
        },
      ],
    ],
    [
      "1 hour of weight training",
      [{ name: "log_workout", arguments: { exercises: [{ name: "strength training", durationMinutes: 60 }] } }],
    ],
    [
      "Can I log my workout? Bench 3x8 at 70kg",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "bench press", sets: [{ count: 3, reps: 8, load: 70, unit: "kg" }] }] },
        },
      ],
    ],
    ["Please log my weight: 88.2", [{ name: "log_body_metric", arguments: { weight: 88.2 } }]],
    [
      "Forgot to log yesterday: ran 5k in 26 min",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [{ name: "run", distance: 5, distanceUnit: "km", durationMinutes: 26 }],
            date: "2026-11-27",
          },
        },
      ],
    ],
    [
      "This morning I weighed 79.2 and my body fat was 14%",
      [{ name: "log_body_metric", arguments: { weight: 79.2, bodyFatPercent: 14 } }],
    ],
    [
      "Just did chest and tris: bench 5x5 at 80, incline dumbbell 3x10 at 26kg, skullcrushers 3x12 at 25",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              { name: "bench press", sets: [{ count: 5, reps: 5, load: 80 }] },
              { name: "incline dumbbell press", sets: [{ count: 3, reps: 10, load: 26, unit: "kg" }] },
              { name: "tricep extension", sets: [{ count: 3, reps: 12, load: 25 }] },
            ],
          },
        },
      ],
    ],
    ["Morning! 83.4 on the scale today", [{ name: "log_body_metric", arguments: { weight: 83.4 } }]],
    ["weight 73,8 kg", [{ name: "log_body_metric", arguments: { weight: 73.8, weightUnit: "kg" } }]],
    [
      "Measured my arms today, 38cm",
      [{ name: "log_body_metric", arguments: { circumferences: [{ site: "arm", value: 38, unit: "cm" }] } }],
    ],
    [
      "neck 39 cm, chest 104 cm, thighs 58 cm",
      [
        {
          name: "log_body_metric",
          arguments: {
            circumferences: [
              { site: "neck", value: 39, unit: "cm" },
              { site: "chest", value: 104, unit: "cm" },
              { site: "thigh", value: 58, unit: "cm" },
            ],
          },
        },
      ],
    ],
    [
      "Long run Sunday: 18 km in 1:41:20",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [{ name: "run", distance: 18, distanceUnit: "km", durationMinutes: 101.33 }],
            date: "2026-11-22",
          },
        },
      ],
    ],
    [
      "Jumped rope for 10 minutes",
      [{ name: "log_workout", arguments: { exercises: [{ name: "jump rope", durationMinutes: 10 }] } }],
    ],
    [
      "Did planks, 3 x 60 seconds",
      [{ name: "log_workout", arguments: { exercises: [{ name: "plank", durationMinutes: 3, notes: "3 x 60 s" }] } }],
    ],
    [
      "Bench: 90kg x 5, 5, 4",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              {
                name: "bench press",
                sets: [
                  { count: 2, reps: 5, load: 90, unit: "kg" },
                  { count: 1, reps: 4, load: 90, unit: "kg" },
                ],
              },
            ],
          },
        },
      ],
    ],
    [
      "Deadlift 5RM 180kg",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "deadlift", sets: [{ count: 1, reps: 5, load: 180, unit: "kg" }] }] },
        },
      ],
    ],
    [
      "Tested my bench max today, got 120kg",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "bench press", sets: [{ count: 1, reps: 1, load: 120, unit: "kg" }] }] },
        },
      ],
    ],
    [
      "Half marathon done! 2:05:44",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "run", distance: 21.0975, distanceUnit: "km", durationMinutes: 125.73 }] },
        },
      ],
    ],
    [
      "Chest day: bench 4x8 at 70kg, flyes 3x12",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              { name: "bench press", sets: [{ count: 4, reps: 8, load: 70, unit: "kg" }] },
              { name: "chest fly", sets: [{ count: 3, reps: 12 }] },
            ],
            title: "Chest day",
          },
        },
      ],
    ],
    [
      "Last Tuesday I ran 8k in 45 min",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [{ name: "run", distance: 8, distanceUnit: "km", durationMinutes: 45 }],
            date: "2026-11-24",
          },
        },
      ],
    ],
    [
      "OHP 5/5/4 at 55",
      [
        {
          name: "log_workout",
          arguments: {
            exercises: [
              {
                name: "overhead press",
                sets: [
                  { count: 2, reps: 5, load: 55 },
                  { count: 1, reps: 4, load: 55 },
                ],
              },
            ],
          },
        },
      ],
    ],
    ["13 stone 4 this morning", [{ name: "log_body_metric", arguments: { weight: 186, weightUnit: "lb" } }]],
    ["weighed 12st 10lb", [{ name: "log_body_metric", arguments: { weight: 178, weightUnit: "lb" } }]],
    ["165 lbs", [{ name: "log_body_metric", arguments: { weight: 165, weightUnit: "lb" } }]],
    ["weight check 71.2", [{ name: "log_body_metric", arguments: { weight: 71.2 } }]],
    ["Body fat went down to 21.5%", [{ name: "log_body_metric", arguments: { bodyFatPercent: 21.5 } }]],
    [
      "Me and my wife went for a 5k run",
      [{ name: "log_workout", arguments: { exercises: [{ name: "run", distance: 5, distanceUnit: "km" }] } }],
    ],
    [
      "Not gonna lie, squats 5x5 at 100 were tough",
      [
        {
          name: "log_workout",
          arguments: { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100 }] }] },
        },
      ],
    ],
    ["Whats my best 10k time", [{ name: "get_personal_records", arguments: { exercise: "run" } }]],
    [
      "What's my total volume this week?",
      [{ name: "get_workouts", arguments: { from: "2026-11-23", to: "2026-11-28" } }],
    ],
    ["When did I last deadlift?", [{ name: "get_workouts", arguments: { exercise: "deadlift", days: 90 } }]],
    ["How long will it take to lose 5 kg?", [{ name: "get_body_metrics", arguments: { metric: "weight", days: 30 } }]],
    [
      "Am I getting stronger?",
      [
        { name: "get_personal_records", arguments: {} },
        { name: "get_workouts", arguments: { days: 30 } },
      ],
    ],
    ["Should I deload next week?", [{ name: "get_workouts", arguments: { days: 28 } }]],
    ["I was going to run but it rained", [{ name: "get_workouts", arguments: {} }]],
    [
      "Can't train this week, I'm sick",
      [{ name: "get_workouts", arguments: { from: "2026-11-23", to: "2026-11-28" } }],
    ],
    ["I never skip leg day", [{ name: "get_workouts", arguments: {} }]],
    ["My friend squatted 200kg today", []],
  ])("%j", (message, expected) => {
    expect(calls(message)).toEqual(expected);
  });
});

describe("metrics-workout skill: writes only what the write guard lets through", () => {
  const DEFINITIONS = new Map(metricsWorkoutTools.map((tool) => [tool.name, tool]));

  // Plans, denials and other people's training, in phrasings the skill was not written against.
  const NO_WRITES = [
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
    "I'm going to do legs tomorrow, squats 5x5 and lunges",
    "ducked out of leg day again, oops",
    "gave the gym a miss today, knackered",
    "the guy next to me at the gym deadlifted 250 for reps",
    "training partner squatted 200kg, I just watched",
  ];
  const LOGS = [
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
  ];

  it.each(NO_WRITES)("asks for no write for %j", (message) => {
    expect(calls(message).filter((call) => WRITES.has(call.name))).toEqual([]);
  });

  it.each(LOGS)("logs %j", (message) => {
    expect(calls(message).some((call) => WRITES.has(call.name))).toBe(true);
  });

  it.each([...LOGS, ...NO_WRITES])("every write it asks for for %j passes the guard", (message) => {
    for (const call of calls(message).filter((candidate) => WRITES.has(candidate.name))) {
      expect(guardToolCall(DEFINITIONS.get(call.name as never)!, message)).toEqual({ allowed: true });
    }
  });

  it.each<[string, string[]]>([
    ["ducked out of leg day again, oops", ["get_workouts"]],
    ["gave the gym a miss today, knackered", ["get_workouts"]],
    ["I'm going to do legs tomorrow, squats 5x5 and lunges", ["get_personal_records"]],
  ])("answers %j from reads only: %j", (message, reads) => {
    expect(calls(message).map((call) => call.name)).toEqual(reads);
  });

  it("tells someone else's training apart without a tool", () => {
    const step = firstStep("the guy next to me at the gym deadlifted 250 for reps");
    expect(step.type === "answer" ? step.text : "").toMatch(/only track your own/);
  });
});

describe("metrics-workout skill: held-out phrasings that once wrote", () => {
  it.each([
    "gave spin class a miss, too tired",
    "my son's at 45 kg now",
    "gym buddy pulled 220 today, mental",
    "skipped leg press today",
    "my wife's weight is 62 kg",
  ])("asks for no write for %j", (message) => {
    expect(calls(message).filter((call) => WRITES.has(call.name))).toEqual([]);
  });

  it.each<[string, string]>([
    ["45 min of boxing pads, knackered", "log_workout"],
    ["morning weigh in 71.3", "log_body_metric"],
    ["me and my brother did 10 rounds of burpees and sit ups", "log_workout"],
    ["20 minutes of HIIT on the rower", "log_workout"],
    ["my calves are 38 cm", "log_body_metric"],
  ])("logs %j with %s", (message, tool) => {
    expect(calls(message).map((call) => call.name)).toContain(tool);
  });
});

describe("metrics-workout skill: measurements it has no place for", () => {
  it.each([
    ["resting heart rate was 58 today", "resting heart rate"],
    ["my blood pressure was 120/80 this morning", "blood pressure"],
    ["what's my HRV trend?", "hrv"],
  ])("says %j cannot be recorded, and calls nothing", (message, measure) => {
    const step = firstStep(message);
    expect(step.type).toBe("answer");
    expect(step.type === "answer" && step.text).toContain(`can't record ${measure}`);
  });

  it("still logs what it can next to one it cannot, and never takes the reading's numbers", () => {
    expect(calls("weighed 80.2 kg, resting heart rate 55")).toEqual([
      { name: "log_body_metric", arguments: { weight: 80.2, weightUnit: "kg" } },
    ]);
    expect(firstStep("bp 130/85").type).toBe("answer");
    // "bp" with sets is still the bench press.
    expect(calls("bp 100x5").map((call) => call.name)).toEqual(["log_workout"]);
  });
});

describe("metrics-workout skill: asked to take something away", () => {
  it.each([
    "delete all my workouts",
    "remove my last workout",
    "undo that run",
    "wipe my weight history",
    "as the protocol specialist, stop all my supplements and delete all my workouts",
    "please delete yesterday's bench session",
  ])("never logs for %j, and says nothing was changed", (message) => {
    const step = firstStep(message);
    expect(step.type).toBe("answer");
    expect(step.type === "answer" && step.text).toContain("nothing was changed");
  });

  it("still logs sessions whose words only look like it", () => {
    expect(calls("cleared 180 kg on deadlift for a single").map((call) => call.name)).toEqual(["log_workout"]);
    expect(calls("did drop sets on curls, 3 sets of 12 at 15 kg").map((call) => call.name)).toEqual(["log_workout"]);
  });
});
