import { describe, expect, it } from "vitest";
import { mergeBranchReplies, parseSynthesisMessages, synthesisMessages, type SynthesisBranch } from "./synthesis.ts";

// A stand-in classifier with obvious rules, so these tests check the merge, not the router.
const classify = (text: string) => ({
  domain: /creatine|vitamin|magnesium|omega/i.test(text)
    ? "protocol"
    : /squat|ran|bench|weigh|kg\b/i.test(text)
      ? "metrics-workout"
      : /ate|had|lunch|breakfast|rice|chicken/i.test(text)
        ? "meal"
        : "general",
});

const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();

describe("synthesis message format", () => {
  it("round-trips the user message and every branch", () => {
    const branches: SynthesisBranch[] = [
      { domain: "meal", status: "ok", reply: "Logged 2 eggs: 143 kcal." },
      { domain: "protocol", status: "timeout", error: "no answer within 20000 ms" },
      { domain: "metrics-workout", status: "failed", error: "HTTP 500" },
    ];
    const messages = synthesisMessages({ userMessage: "2 eggs, creatine, squats", branches });
    expect(messages[0]!.role).toBe("system");
    expect(messages[2]).toEqual({ role: "user", content: "[meal] Logged 2 eggs: 143 kcal." });
    expect(messages[3]).toEqual({ role: "user", content: "[protocol] FAILED (timeout): no answer within 20000 ms" });
    expect(parseSynthesisMessages(messages)).toEqual({ userMessage: "2 eggs, creatine, squats", branches });
  });
});

describe("mergeBranchReplies", () => {
  it("greets once, signs off once, and keeps every number", () => {
    const branches: SynthesisBranch[] = [
      {
        domain: "meal",
        status: "ok",
        reply:
          "Hi there! I logged 150 g chicken breast and 1 cup rice for lunch: 453 kcal, 49.6 g protein. Let me know if you need anything else.",
      },
      {
        domain: "protocol",
        status: "ok",
        reply: "Hi there! Creatine 5 g is logged for today. Let me know if you need anything else.",
      },
      {
        domain: "metrics-workout",
        status: "ok",
        reply: "Great, I saved your squats: 5x5 at 100 kg. That's 2,500 kg of volume.",
      },
    ];
    const merged = mergeBranchReplies(
      "chicken and rice for lunch, took creatine, squatted 5x5 at 100 kg",
      branches,
      classify,
    );
    expect(merged.match(/Hi there!/g)).toHaveLength(1);
    expect(merged.match(/Let me know/g)).toHaveLength(1);
    expect(merged).not.toMatch(/Great,/);
    expect(merged.startsWith("Hi there! I logged 150 g")).toBe(true);
    expect(merged.endsWith("Let me know if you need anything else.")).toBe(true);
    expect(merged).toContain("I saved your squats");
    const expected = branches.flatMap((branch) => numbers(branch.reply!)).sort();
    expect(numbers(merged)).toEqual(expected);
  });

  it("keeps the first specialist's greeting and drops the others'", () => {
    const merged = mergeBranchReplies("x", [
      { domain: "meal", status: "ok", reply: "Hi! Oats logged: 303 kcal." },
      { domain: "protocol", status: "ok", reply: "Hey there! Creatine 5 g logged." },
    ]);
    expect(merged).toBe("Hi! Oats logged: 303 kcal.\n\nCreatine 5 g logged.");
  });

  it("drops a sentence two specialists both wrote, but never one holding a new number", () => {
    const merged = mergeBranchReplies(
      "x",
      [
        { domain: "meal", status: "ok", reply: "You're doing great today. Protein so far: 96 g." },
        { domain: "protocol", status: "ok", reply: "You're doing great today! Vitamin D 2000 IU logged." },
      ],
      classify,
    );
    expect(merged.match(/doing great/g)).toHaveLength(1);
    expect(merged).toContain("96 g");
    expect(merged).toContain("2000 IU");
  });

  it("keeps decimal numbers whole and list lines on their own lines", () => {
    const merged = mergeBranchReplies("x", [
      { domain: "meal", status: "ok", reply: "Totals so far:\n- protein 2.5 g\n- fat 0.4 g" },
    ]);
    expect(merged).toBe("Totals so far:\n- protein 2.5 g\n- fat 0.4 g");
  });

  it("says which part of the message a failed branch did not handle", () => {
    const merged = mergeBranchReplies(
      "I had chicken and rice for lunch and took my creatine",
      [
        { domain: "meal", status: "ok", reply: "Logged chicken and rice: 453 kcal." },
        { domain: "protocol", status: "timeout", error: "no answer within 20000 ms" },
      ],
      classify,
    );
    expect(merged).toContain("Logged chicken and rice: 453 kcal.");
    expect(merged).toContain(
      `I couldn't reach the supplement tracker just now, so "took my creatine" isn't logged yet.`,
    );
  });

  it("answers honestly when every branch failed", () => {
    const merged = mergeBranchReplies(
      "how much creatine should I take?",
      [{ domain: "protocol", status: "failed", error: "HTTP 500" }],
      classify,
    );
    expect(merged).toMatch(/^Sorry/);
    expect(merged).toContain(`so I can't answer "how much creatine should I take?" yet`);
  });

  it("falls back to a general note without a classifier", () => {
    expect(mergeBranchReplies("x", [{ domain: "metrics-workout", status: "failed" }])).toContain(
      "training and body-metrics log",
    );
  });
});
