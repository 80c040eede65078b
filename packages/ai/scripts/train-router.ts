// Trains the router: one-vs-rest logistic regression over hashed word, bigram, character-gram and
// number-shape features (src/local/router/features.ts), on data/router/corpus.jsonl.
//
//   node packages/ai/scripts/train-router.ts
//   node packages/ai/scripts/train-router.ts --score some/weights.json   (measure only, no training)
//
// 1. Splits the corpus: a message is held out for testing when the hash of its normalised text
//    falls in the bottom 20% (isHeldOut below). The test part is never used to fit anything.
// 2. On the training part, 5-fold cross-validation gives out-of-fold logits; Platt scaling per
//    domain is fitted on those, and the multi-domain threshold on their hand-written rows.
// 3. Trains on the whole training part, quantises the weights to int8 and writes
//    src/local/router/weights.json.
// 4. Loads that file through the runtime (createRouter) and prints held-out metrics, and metrics on
//    data/router/fresh-messages.tsv (messages written apart from the corpus, never trained on).
// Deterministic: seeded shuffling, no Math.random.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFeatures, normalizeText, tokenize } from "../src/local/router/features.ts";
import { DOMAINS, createRouter, decide, type RouterDomain, type RouterWeights } from "../src/local/router/model.ts";

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpusPath = join(packageDirectory, "data", "router", "corpus.jsonl");
const weightsPath = join(packageDirectory, "src", "local", "router", "weights.json");
const freshPath = join(packageDirectory, "data", "router", "fresh-messages.tsv");

const BUCKETS = 1 << 16;
const EPOCHS = 30;
const LEARNING_RATE = 0.4;
const L2 = 1e-5;
const FOLDS = 5;
const SEED = 1234;
const CLASS_COUNT = DOMAINS.length;

interface Row {
  text: string;
  domains: RouterDomain[];
  source: string;
  features: number[];
  targets: number[];
}

/** The split rule: about 20% of messages, chosen by a hash of their normalised words, are test. */
export function isHeldOut(text: string): boolean {
  let hash = 0x811c9dc5;
  for (const character of tokenize(normalizeText(text)).join(" ")) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193);
  }
  return (hash >>> 0) % 100 < 20;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

function loadCorpus(): Row[] {
  return readFileSync(corpusPath, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const { text, domains, source } = JSON.parse(line) as { text: string; domains: RouterDomain[]; source?: string };
      return {
        text,
        domains,
        source: source ?? "unknown",
        features: extractFeatures(text, BUCKETS),
        targets: DOMAINS.map((domain) => (domains.includes(domain) ? 1 : 0)),
      };
    });
}

// ---------------------------------------------------------------- training

interface LinearModel {
  weights: Float64Array;
  bias: Float64Array;
}

/** AdaGrad on the logistic loss of each domain, with L2 applied to the weights an example touches. */
function train(rows: Row[], seed: number): LinearModel {
  const weights = new Float64Array(BUCKETS * CLASS_COUNT);
  const squaredGradients = new Float64Array(BUCKETS * CLASS_COUNT);
  const bias = new Float64Array(CLASS_COUNT);
  const biasSquaredGradients = new Float64Array(CLASS_COUNT);
  const random = mulberry32(seed);
  const order = rows.map((_, index) => index);
  const errors = new Float64Array(CLASS_COUNT);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const rowIndex of order) {
      const row = rows[rowIndex]!;
      const value = row.features.length > 0 ? 1 / Math.sqrt(row.features.length) : 0;
      const logits = logitsOf(row.features, weights, bias);
      for (let index = 0; index < CLASS_COUNT; index++) errors[index] = sigmoid(logits[index]!) - row.targets[index]!;
      for (const bucket of row.features) {
        for (let index = 0; index < CLASS_COUNT; index++) {
          const at = bucket * CLASS_COUNT + index;
          const gradient = errors[index]! * value + L2 * weights[at]!;
          squaredGradients[at]! += gradient * gradient;
          weights[at]! -= (LEARNING_RATE * gradient) / (Math.sqrt(squaredGradients[at]!) + 1e-8);
        }
      }
      for (let index = 0; index < CLASS_COUNT; index++) {
        biasSquaredGradients[index]! += errors[index]! * errors[index]!;
        bias[index]! -= (LEARNING_RATE * errors[index]!) / (Math.sqrt(biasSquaredGradients[index]!) + 1e-8);
      }
    }
  }
  return { weights, bias };
}

function logitsOf(features: number[], weights: Float64Array, bias: Float64Array): number[] {
  const value = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
  const logits = Array.from(bias);
  for (const bucket of features) {
    for (let index = 0; index < CLASS_COUNT; index++) logits[index]! += value * weights[bucket * CLASS_COUNT + index]!;
  }
  return logits;
}

// ---------------------------------------------------------------- calibration and thresholds

/** Platt scaling: the a, b minimising log loss of sigmoid(a * logit + b), by Newton's method. */
function fitPlatt(logits: number[], targets: number[]): [number, number] {
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let gradientA = 0;
    let gradientB = 0;
    let hessianAA = 1e-6;
    let hessianAB = 0;
    let hessianBB = 1e-6;
    for (let index = 0; index < logits.length; index++) {
      const z = logits[index]!;
      const p = sigmoid(a * z + b);
      const error = p - targets[index]!;
      const curvature = p * (1 - p);
      gradientA += error * z;
      gradientB += error;
      hessianAA += curvature * z * z;
      hessianAB += curvature * z;
      hessianBB += curvature;
    }
    const determinant = hessianAA * hessianBB - hessianAB * hessianAB;
    const stepA = (hessianBB * gradientA - hessianAB * gradientB) / determinant;
    const stepB = (hessianAA * gradientB - hessianAB * gradientA) / determinant;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-9) break;
  }
  return [a, b];
}

function calibrate(logits: number[], calibration: [number, number][]): number[] {
  return logits.map((logit, index) => sigmoid(calibration[index]![0] * logit + calibration[index]![1]));
}

function setKey(domains: readonly string[]): string {
  return domains.length === 0 ? "general" : [...domains].sort().join("+");
}

/**
 * The multi-domain threshold that makes the most out-of-fold predictions get the exact set of
 * domains right. One value shared by the three specialists: with a few hundred multi-domain
 * messages, three separately tuned values moved by up to 0.3 between corpus versions without
 * scoring better, one value is stable.
 */
function tuneThresholds(probabilities: number[][], rows: Row[]): number[] {
  const exactMatches = (threshold: number): number =>
    rows.filter((row, index) => {
      const decision = decide(probabilities[index]!, [threshold, threshold, threshold, 1]);
      return setKey(decision.domains) === setKey(row.domains.filter((domain) => domain !== "general"));
    }).length;
  let best = 0.5;
  let bestScore = -1;
  for (let step = 5; step <= 95; step += 5) {
    const score = exactMatches(step / 100);
    // Ties go to the value nearest 0.5, the least arbitrary choice.
    if (score > bestScore || (score === bestScore && Math.abs(step / 100 - 0.5) < Math.abs(best - 0.5))) {
      best = step / 100;
      bestScore = score;
    }
  }
  return [best, best, best, 1];
}

// ---------------------------------------------------------------- metrics

interface Prediction {
  domain: RouterDomain;
  domains: string[];
  confidence: number;
}

function isDomainCorrect(prediction: Prediction, row: Row): boolean {
  return row.domains.includes(prediction.domain);
}

function expectedCalibrationError(predictions: Prediction[], rows: Row[], binCount = 10): number {
  const bins = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  predictions.forEach((prediction, index) => {
    const bin = bins[Math.min(binCount - 1, Math.floor(prediction.confidence * binCount))]!;
    bin.count++;
    bin.confidence += prediction.confidence;
    bin.correct += isDomainCorrect(prediction, rows[index]!) ? 1 : 0;
  });
  return bins.reduce((total, bin) => total + Math.abs(bin.confidence - bin.correct), 0) / predictions.length;
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;

function report(title: string, predictions: Prediction[], rows: Row[]): void {
  const correct = predictions.filter((prediction, index) => isDomainCorrect(prediction, rows[index]!)).length;
  const exact = predictions.filter(
    (prediction, index) =>
      setKey(prediction.domains) === setKey(rows[index]!.domains.filter((domain) => domain !== "general")),
  ).length;
  console.log(`\n## ${title} (${rows.length} messages)`);
  console.log(
    `domain accuracy (top domain is one of the labels): ${percent(correct, rows.length)} (${correct}/${rows.length})`,
  );
  console.log(`exact domain-set accuracy: ${percent(exact, rows.length)} (${exact}/${rows.length})`);

  console.log("\nper domain (set membership: predicted domains, or general when none, vs labels)");
  console.log("| domain | precision | recall | support |");
  console.log("| --- | --- | --- | --- |");
  for (const domain of DOMAINS) {
    let truePositive = 0;
    let predicted = 0;
    let actual = 0;
    predictions.forEach((prediction, index) => {
      const predictedSet = prediction.domains.length === 0 ? ["general"] : prediction.domains;
      const inPrediction = predictedSet.includes(domain);
      const inLabels = rows[index]!.domains.includes(domain);
      if (inPrediction) predicted++;
      if (inLabels) actual++;
      if (inPrediction && inLabels) truePositive++;
    });
    console.log(`| ${domain} | ${percent(truePositive, predicted)} | ${percent(truePositive, actual)} | ${actual} |`);
  }

  console.log("\nconfusion matrix of the top domain (rows: label; multi = several labels)");
  const rowNames = [...DOMAINS, "multi"];
  console.log(`| label \\ predicted | ${DOMAINS.join(" | ")} |`);
  console.log(`| --- | ${DOMAINS.map(() => "---").join(" | ")} |`);
  for (const name of rowNames) {
    const counts = DOMAINS.map(
      (predicted) =>
        predictions.filter((prediction, index) => {
          const labels = rows[index]!.domains;
          const label = labels.length > 1 ? "multi" : labels[0];
          return label === name && prediction.domain === predicted;
        }).length,
    );
    console.log(`| ${name} | ${counts.join(" | ")} |`);
  }

  const multiIndices = rows.map((row, index) => (row.domains.length > 1 ? index : -1)).filter((index) => index >= 0);
  const singleIndices = rows.map((row, index) => (row.domains.length === 1 ? index : -1)).filter((index) => index >= 0);
  const multiExact = multiIndices.filter(
    (index) => setKey(predictions[index]!.domains) === setKey(rows[index]!.domains),
  ).length;
  const multiDetected = multiIndices.filter((index) => predictions[index]!.domains.length > 1).length;
  const falseMulti = singleIndices.filter((index) => predictions[index]!.domains.length > 1).length;
  console.log("\nmulti-domain detection");
  console.log(
    `  multi-domain messages with exactly the right set: ${percent(multiExact, multiIndices.length)} (${multiExact}/${multiIndices.length})`,
  );
  console.log(
    `  multi-domain messages detected as multi (>= 2 domains): ${percent(multiDetected, multiIndices.length)} (${multiDetected}/${multiIndices.length})`,
  );
  console.log(
    `  single-domain messages wrongly given >= 2 domains: ${percent(falseMulti, singleIndices.length)} (${falseMulti}/${singleIndices.length})`,
  );
  console.log(
    `\ncalibration: expected calibration error of confidence vs domain correct (10 bins): ${expectedCalibrationError(predictions, rows).toFixed(4)}`,
  );
  const meanConfidence =
    predictions.reduce((total, prediction) => total + prediction.confidence, 0) / predictions.length;
  console.log(`  mean confidence ${meanConfidence.toFixed(3)} vs accuracy ${(correct / rows.length).toFixed(3)}`);
}

// ---------------------------------------------------------------- fresh messages

interface FreshMessage {
  text: string;
  /** Acceptable answers: each a set of domains (general alone stands for no specialist). */
  alternatives: RouterDomain[][];
}

/**
 * data/router/fresh-messages.tsv: messages written apart from the corpus and never trained on, one a
 * line as `labels<TAB>text`; `meal+protocol` is a set of domains, `meal|general` lists acceptable
 * alternatives (hypothetical, negated and third-person messages, where the eval accepts either).
 */
function loadFreshMessages(corpusRows: Row[]): FreshMessage[] {
  let lines: string[];
  try {
    lines = readFileSync(freshPath, "utf8").split("\n");
  } catch {
    return [];
  }
  const inCorpus = new Set(corpusRows.map((row) => tokenize(normalizeText(row.text)).join(" ")));
  return lines
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [labels, text] = line.split("\t");
      if (!labels || !text) throw new Error(`fresh-messages.tsv: expected "labels<TAB>text": ${line}`);
      if (inCorpus.has(tokenize(normalizeText(text)).join(" ")))
        throw new Error(`fresh-messages.tsv: in the corpus, so not fresh: ${text}`);
      const alternatives = labels.split("|").map((alternative) => alternative.split("+") as RouterDomain[]);
      for (const domain of alternatives.flat())
        if (!DOMAINS.includes(domain)) throw new Error(`fresh-messages.tsv: unknown domain ${domain}`);
      return { text, alternatives };
    });
}

/** Domain right: the top domain is in an alternative. Route right: the predicted set is an alternative. */
function reportFresh(messages: FreshMessage[], classify: (text: string) => Prediction): void {
  if (messages.length === 0) return;
  let domainRight = 0;
  let routeRight = 0;
  const wrong: string[] = [];
  for (const { text, alternatives } of messages) {
    const prediction = classify(text);
    const domainOk = alternatives.some((alternative) => alternative.includes(prediction.domain));
    const routeOk = alternatives.some(
      (alternative) => setKey(alternative.filter((domain) => domain !== "general")) === setKey(prediction.domains),
    );
    if (domainOk) domainRight++;
    if (routeOk) routeRight++;
    if (!routeOk) {
      const expected = alternatives.map((alternative) => alternative.join("+")).join(" | ");
      wrong.push(
        `  ${JSON.stringify(text)} label ${expected} -> ${setKey(prediction.domains)} (${prediction.confidence.toFixed(2)})`,
      );
    }
  }
  console.log(`\n## fresh messages, never trained on (${messages.length} messages, data/router/fresh-messages.tsv)`);
  console.log(`domain accuracy: ${percent(domainRight, messages.length)} (${domainRight}/${messages.length})`);
  console.log(
    `exact domain set, i.e. the gateway's route: ${percent(routeRight, messages.length)} (${routeRight}/${messages.length})`,
  );
  if (wrong.length > 0) console.log(`wrong domain set:\n${wrong.join("\n")}`);
}

// ---------------------------------------------------------------- main

const started = performance.now();
const corpus = loadCorpus();
const trainingRows = corpus.filter((row) => !isHeldOut(row.text));
const testRows = corpus.filter((row) => isHeldOut(row.text));
const freshMessages = loadFreshMessages(corpus);
console.log(`corpus ${corpus.length} messages: ${trainingRows.length} training, ${testRows.length} held-out test`);

function reportHeldOut(classify: (text: string) => Prediction): void {
  report(
    "held-out test split",
    testRows.map((row) => classify(row.text)),
    testRows,
  );
  const handWrittenTest = testRows.filter((row) => row.source === "hand-written");
  report(
    "held-out test split, hand-written messages only",
    handWrittenTest.map((row) => classify(row.text)),
    handWrittenTest,
  );
  reportFresh(freshMessages, classify);
}

// `--score <weights.json>`: measure another artifact (say, the committed one before a change) on
// today's corpus split and fresh messages, without training anything.
const scoreIndex = process.argv.indexOf("--score");
if (scoreIndex >= 0) {
  const artifactPath = process.argv[scoreIndex + 1];
  if (!artifactPath) throw new Error("--score needs a weights.json path");
  console.log(`scoring ${artifactPath}`);
  reportHeldOut(createRouter(JSON.parse(readFileSync(artifactPath, "utf8")) as RouterWeights));
  process.exit(0);
}

// Out-of-fold logits for calibration and thresholds: fold k = every row whose position mod 5 is k.
const outOfFoldLogits: number[][] = Array.from({ length: trainingRows.length }, () => []);
for (let fold = 0; fold < FOLDS; fold++) {
  const model = train(
    trainingRows.filter((_, index) => index % FOLDS !== fold),
    SEED + fold,
  );
  trainingRows.forEach((row, index) => {
    if (index % FOLDS === fold) outOfFoldLogits[index] = logitsOf(row.features, model.weights, model.bias);
  });
}
const calibration = DOMAINS.map((_, domainIndex) =>
  fitPlatt(
    outOfFoldLogits.map((logits) => logits[domainIndex]!),
    trainingRows.map((row) => row.targets[domainIndex]!),
  ),
);
const outOfFoldProbabilities = outOfFoldLogits.map((logits) => calibrate(logits, calibration));
// Thresholds are tuned on the hand-written rows only: generated multi-domain messages are clause
// concatenations, easier and far more frequent than in real traffic, and tuning on them set the
// thresholds so low that single-domain messages picked up a second domain ("show me my current
// stack" -> protocol + metrics-workout).
const handWrittenIndices = trainingRows.flatMap((row, index) => (row.source === "hand-written" ? [index] : []));
const thresholds = tuneThresholds(
  handWrittenIndices.map((index) => outOfFoldProbabilities[index]!),
  handWrittenIndices.map((index) => trainingRows[index]!),
);
console.log(
  `platt scaling per domain (a, b): ${calibration.map(([a, b]) => `${a.toFixed(3)}, ${b.toFixed(3)}`).join(" | ")}`,
);
console.log(`multi-domain thresholds (meal, protocol, metrics-workout): ${thresholds.slice(0, 3).join(", ")}`);
report(
  "cross-validated on the training part (out-of-fold)",
  outOfFoldProbabilities.map((p) => decide(p, thresholds)),
  trainingRows,
);

// Final model on the whole training part, quantised to int8 per domain.
const model = train(trainingRows, SEED);
const scales = DOMAINS.map((_, domainIndex) => {
  let largest = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++)
    largest = Math.max(largest, Math.abs(model.weights[bucket * CLASS_COUNT + domainIndex]!));
  return largest / 127;
});
const quantised = new Int8Array(BUCKETS * CLASS_COUNT);
for (let at = 0; at < quantised.length; at++)
  quantised[at] = Math.round(model.weights[at]! / scales[at % CLASS_COUNT]!);
const artifact: RouterWeights = {
  version: 1,
  buckets: BUCKETS,
  classes: [...DOMAINS],
  bias: Array.from(model.bias, (value) => Number(value.toFixed(5))),
  scales: scales.map((value) => Number(value.toPrecision(6))),
  weights: Buffer.from(quantised.buffer).toString("base64"),
  calibration: calibration.map(([a, b]) => [Number(a.toFixed(5)), Number(b.toFixed(5))]),
  thresholds,
};
writeFileSync(weightsPath, JSON.stringify(artifact) + "\n");
console.log(`\nwrote ${weightsPath} (${(statSync(weightsPath).size / 1024).toFixed(0)} KiB)`);

// Held-out metrics, through the runtime code path reading the file just written.
const classify = createRouter(JSON.parse(readFileSync(weightsPath, "utf8")) as RouterWeights);
const floatAccuracy = testRows.filter((row) =>
  row.domains.includes(
    decide(calibrate(logitsOf(row.features, model.weights, model.bias), calibration), thresholds).domain,
  ),
).length;
console.log(`held-out domain accuracy before int8 quantisation: ${percent(floatAccuracy, testRows.length)}`);
reportHeldOut(classify);

const errors = testRows
  .map((row) => ({ row, prediction: classify(row.text) }))
  .filter(({ row, prediction }) => !row.domains.includes(prediction.domain));
if (errors.length > 0) {
  console.log("\nheld-out messages with the wrong domain:");
  for (const { row, prediction } of errors) {
    console.log(
      `  ${JSON.stringify(row.text)} label ${row.domains.join("+")} -> ${prediction.domain} (${prediction.confidence.toFixed(2)})`,
    );
  }
}
console.log(`\ntrained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
