// Messages written before the skill was run on them, each with the tool it must call ("none": no
// write of any kind). They measured the skill on phrasings it was not tuned on; kept as regressions.
import { toToolSpec } from "@ensemble/ai";
import { metricsWorkoutTools } from "@ensemble/tools";
import { describe, expect, it } from "vitest";
import { metricsWorkoutSkill } from "./index.ts";

const NOW = new Date("2026-11-28T09:00:00.000Z");
const TOOLS = metricsWorkoutTools.map(toToolSpec);

function toolNames(message: string): string[] {
  const step = metricsWorkoutSkill.next({ messages: [{ role: "user", content: message }], tools: TOOLS, now: NOW });
  return step.type === "tool-calls" ? step.calls.map((call) => call.name) : [];
}

describe("metrics-workout skill: held-out phrasings", () => {
  it.each<[string, string]>([
    ["log_workout", "Crushed leg day - squats 4x8 at 90kg and walking lunges 3x12"],
    ["log_workout", "did 5 sets of 5 on squat with 110"],
    ["log_workout", "ran 7k this morning, took 38 minutes"],
    ["log_workout", "45 min easy bike ride"],
    ["log_workout", "Just got back from a 3 mile jog"],
    ["log_workout", "benched 70 kg 3 sets of 10"],
    ["log_workout", "Did 3x15 goblet squats with a 24kg kettlebell"],
    ["log_workout", "1 hour hot yoga class"],
    ["log_workout", "Pilates for 50 mins today"],
    ["log_workout", "Swam a mile"],
    ["log_workout", "did 4 sets of 12 lat pulldowns at 60"],
    ["log_workout", "Hit 3 plates deadlift for 2 reps, 140kg"],
    ["log_workout", "Rowed 2k in 8:05"],
    ["log_workout", "Played squash for an hour"],
    ["log_workout", "Did an upper body workout: OHP 3x8 at 45, pull-ups 4x6, dips 3x10"],
    ["log_workout", "walked 12k steps"],
    ["log_workout", "cardio: 30 minutes on the treadmill"],
    ["log_workout", "morning run 6.5 km 35:40"],
    ["log_workout", "trained back today, deadlifts 3x5 at 150 and rows 4x10 at 70"],
    ["log_workout", "Bulgarian split squats 3x10 each leg with 12kg"],
    ["log_body_metric", "weighed 92.4kg today"],
    ["log_body_metric", "78.6 this morning"],
    ["log_body_metric", "My weight today is 170.2 lbs"],
    ["log_body_metric", "body fat 24.5%"],
    ["log_body_metric", "waist measured at 91cm"],
    ["log_body_metric", "weigh-in: 68.9 kg"],
    ["log_body_metric", "down to 195 pounds!"],
    ["log_body_metric", "scale read 81.0 kg this morning, body fat 20%"],
    ["get_personal_records", "whats my PR on deadlift"],
    ["get_personal_records", "what's the most I've ever benched?"],
    ["get_body_metrics", "how much weight did I lose last month?"],
    ["get_body_metrics", "what's my current body fat percentage"],
    ["get_workouts", "how many times did I go to the gym this week?"],
    ["get_workouts", "what exercises did I do on Monday?"],
    ["get_body_metrics", "when will I reach 85 kg if I keep going like this?"],
    ["none", "I'm planning a long run this weekend"],
    ["none", "didn't go to the gym today"],
    ["none", "my son ran his first 5k today!"],
    ["none", "If I squat 140 for 5 what's my max?"],
    ["none", "I'll weigh myself tomorrow"],
    ["log_workout", "smashed a 10k run today in 49 mins \ud83d\udcaa"],
    ["log_workout", "squat 3x5 140kg, felt smooth"],
    ["log_workout", "finished a 20 minute HIIT workout"],
    ["log_workout", "gym: chest press 3x10 at 40kg, pec deck 3x12 at 35kg"],
    ["log_workout", "did 15 min on the rower"],
    ["log_workout", "went on a 2 hour hike with the family"],
    ["log_workout", "Ran 4 miles at 9:30 pace"],
    ["log_workout", "bench 5x3 @ 100"],
    ["log_workout", "did some stretching for 20 mins"],
    ["log_workout", "today: deadlift 200kg x 1 PR!!"],
    ["log_workout", "I lifted weights for an hour"],
    ["log_workout", "3 sets of 10 push ups and 3 sets of 20 sit ups"],
    ["log_workout", "biked 40km in 1h35"],
    ["log_workout", "leg press 3x15 @ 180kg then calf raises 4x20"],
    ["log_workout", "5km run 28:12"],
    ["log_workout", "did a 30 min peloton ride"],
    ["log_workout", "weighted dips 3x8 +15kg"],
    ["log_workout", "Curls 3x12 at 12.5kg"],
    ["log_workout", "went for a swim, 1km in 25 mins"],
    ["log_body_metric", "weight this morning 101.2kg"],
    ["log_body_metric", "I'm at 79 kg now"],
    ["log_body_metric", "weighed myself - 183lbs"],
    ["log_body_metric", 'Waist 34", hips 40"'],
    ["log_body_metric", "bodyfat is around 16 percent"],
    ["log_body_metric", "Scale said 64.3 today"],
    ["get_body_metrics", "Am I on track to lose weight?"],
    ["get_body_metrics", "what's my weight trend over the last 3 months"],
    ["get_personal_records", "show me my personal bests"],
    ["get_personal_records", "whats my squat max"],
    ["get_workouts", "how much did I train last week"],
    ["get_workouts", "what was my running distance this month"],
    ["get_workouts", "did I do any cardio this week?"],
    ["get_body_metrics", "how many kg have I lost since I started?"],
    ["none", "might try a spin class tomorrow"],
    ["none", "My dad walks 10k steps a day"],
    ["none", "I wanted to run today but didn't"],
    ["none", "if I bench 100 for 3 what would my 1rm be"],
    ["none", "going to the gym later"],
    ["none", "no gym this week, on holiday"],
  ])("%s for %j", (expected, message) => {
    const names = toolNames(message);
    // "none" expects no write at all; reads are fine.
    const made =
      expected === "none"
        ? names.filter((name) => name.startsWith("log_"))
        : names.filter((name) => name === expected).slice(0, 1);
    expect(made).toEqual(expected === "none" ? [] : [expected]);
  });
});
