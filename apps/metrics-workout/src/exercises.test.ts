import { describe, expect, it } from "vitest";
import { catalog, findExerciseMentions, normaliseExercise } from "./exercises.ts";

describe("exercise names", () => {
  it.each([
    ["bench", "bench press"],
    ["Bench Press", "bench press"],
    ["BP", "bench press"],
    ["benched", "bench press"],
    ["squats", "squat"],
    ["Back Squat", "squat"],
    ["deads", "deadlift"],
    ["DL", "deadlift"],
    ["RDLs", "romanian deadlift"],
    ["OHP", "overhead press"],
    ["military press", "overhead press"],
    ["pull ups", "pull-up"],
    ["Pull-Ups", "pull-up"],
    ["chinups", "chin-up"],
    ["skull crushers", "tricep extension"],
    ["ran", "run"],
    ["jogging", "run"],
    ["biked", "cycling"],
    ["swam", "swimming"],
    ["paused bench press", "bench press"],
  ])("%j is %j", (name, canonical) => {
    expect(normaliseExercise(name, "strength").name).toBe(canonical);
  });

  it("keeps unknown names, cleaned, in group other", () => {
    expect(normaliseExercise("Zercher Carry!", "strength")).toEqual({
      name: "zercher carry",
      muscleGroup: "other",
      kind: "strength",
    });
    expect(normaliseExercise("sled push", "cardio")).toMatchObject({ muscleGroup: "cardio", kind: "cardio" });
  });

  it("gives every catalog exercise a muscle group and kind, and each name once", () => {
    const names = catalog().map((exercise) => exercise.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(70);
    for (const exercise of catalog()) expect(exercise.muscleGroup).not.toBe("other");
  });

  it("finds mentions in text, longest name first, with offsets", () => {
    const text = "Incline bench 3x10, then clean and jerk and some pull-ups";
    const mentions = findExerciseMentions(text);
    expect(mentions.map((mention) => [mention.exercise.name, mention.text])).toEqual([
      ["incline bench press", "Incline bench"],
      ["clean and jerk", "clean and jerk"],
      ["pull-up", "pull-ups"],
    ]);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it("does not see exercises inside other words", () => {
    expect(findExerciseMentions("I was benchmarking my runner beans")).toEqual([]);
  });
});
