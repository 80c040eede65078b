// The exercises the coach knows by name, with the muscle group they train. One table serves two
// readers: the tool executor, which stores every exercise under one canonical name whatever the
// model called it ("bench", "BP", "Bench Press" -> "bench press"), and the local skill, which
// finds exercise mentions in a message. Unknown names are kept, cleaned, under group "other".

export type ExerciseKind = "strength" | "cardio" | "session";

export type MuscleGroup =
  | "chest"
  | "back"
  | "shoulders"
  | "arms"
  | "legs"
  | "glutes"
  | "core"
  | "full body"
  | "cardio"
  | "mobility"
  | "conditioning"
  | "sport"
  | "other";

export interface Exercise {
  name: string;
  muscleGroup: MuscleGroup;
  kind: ExerciseKind;
  /** A whole session by its focus ("leg day", "cardio"), not one exercise: a title when exercises are named too. */
  generic?: boolean;
}

interface CatalogEntry extends Exercise {
  /** Other ways people write it, singular; plurals ("squats", "lunges") are added automatically. */
  aliases: string[];
  /** Spellings that must not get an automatic plural ("ran" -> "rans"). */
  exact?: string[];
}

const CATALOG: CatalogEntry[] = [
  // Chest
  {
    name: "bench press",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["bench", "bp", "flat bench", "barbell bench", "barbell bench press", "flat bench press"],
    exact: ["benched", "benching", "bench pressed", "bench pressing"],
  },
  {
    name: "incline bench press",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["incline bench", "incline press", "incline", "incline barbell press"],
  },
  {
    name: "dumbbell bench press",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["dumbbell bench", "db bench", "dumbbell press", "db press", "dumbbell chest press", "db bench press"],
  },
  {
    name: "incline dumbbell press",
    muscleGroup: "chest",
    kind: "strength",
    aliases: [
      "incline dumbbell bench",
      "incline db press",
      "incline db bench",
      "incline dumbbell bench press",
      "incline dumbbell",
      "incline db",
      "incline dumbbells",
    ],
  },
  {
    name: "chest fly",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["fly", "chest flye", "flye", "cable fly", "cable flye", "dumbbell fly", "pec fly", "pec deck"],
    exact: ["flies", "flyes", "cable flies", "dumbbell flies", "chest flies"],
  },
  { name: "push-up", muscleGroup: "chest", kind: "strength", aliases: ["push up", "pushup", "press up", "pressup"] },
  {
    name: "dip",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["chest dip", "tricep dip", "triceps dip", "parallel bar dip"],
  },
  {
    name: "chest press",
    muscleGroup: "chest",
    kind: "strength",
    aliases: ["machine chest press", "chest press machine", "machine press", "hammer strength press"],
  },
  // Shoulders
  {
    name: "overhead press",
    muscleGroup: "shoulders",
    kind: "strength",
    aliases: ["ohp", "military press", "shoulder press", "strict press", "standing press", "barbell overhead press"],
  },
  {
    name: "dumbbell shoulder press",
    muscleGroup: "shoulders",
    kind: "strength",
    aliases: ["db shoulder press", "seated dumbbell press", "seated shoulder press", "arnold press"],
  },
  {
    name: "lateral raise",
    muscleGroup: "shoulders",
    kind: "strength",
    aliases: [
      "lat raise",
      "side raise",
      "side lateral raise",
      "side lateral",
      "dumbbell lateral raise",
      "cable lateral raise",
    ],
  },
  { name: "face pull", muscleGroup: "shoulders", kind: "strength", aliases: ["cable face pull"] },
  {
    name: "rear delt fly",
    muscleGroup: "shoulders",
    kind: "strength",
    aliases: ["reverse fly", "rear delt raise", "reverse pec deck"],
  },
  { name: "shrug", muscleGroup: "back", kind: "strength", aliases: ["barbell shrug", "dumbbell shrug", "trap shrug"] },
  // Back
  {
    name: "deadlift",
    muscleGroup: "back",
    kind: "strength",
    aliases: ["dl", "dead lift", "conventional deadlift", "barbell deadlift"],
    exact: ["deadlifted", "deadlifting", "deads"],
  },
  { name: "sumo deadlift", muscleGroup: "back", kind: "strength", aliases: ["sumo", "sumo dl", "sumo dead"] },
  {
    name: "romanian deadlift",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["rdl", "stiff leg deadlift", "stiff legged deadlift", "sldl", "romanian dl"],
  },
  {
    name: "pull-up",
    muscleGroup: "back",
    kind: "strength",
    aliases: ["pull up", "pullup", "weighted pull up", "weighted pullup", "weighted pull-up"],
  },
  { name: "chin-up", muscleGroup: "back", kind: "strength", aliases: ["chin up", "chinup"], exact: ["chins"] },
  {
    name: "lat pulldown",
    muscleGroup: "back",
    kind: "strength",
    aliases: ["pulldown", "pull down", "lat pull down", "lat pull-down", "cable pulldown"],
  },
  {
    name: "barbell row",
    muscleGroup: "back",
    kind: "strength",
    aliases: [
      "bent over row",
      "bent-over row",
      "bb row",
      "pendlay row",
      "barbell bent over row",
      "t bar row",
      "t-bar row",
    ],
    exact: ["rows"],
  },
  {
    name: "dumbbell row",
    muscleGroup: "back",
    kind: "strength",
    aliases: ["db row", "one arm row", "single arm row", "one arm dumbbell row", "single arm dumbbell row"],
  },
  { name: "seated cable row", muscleGroup: "back", kind: "strength", aliases: ["cable row", "seated row", "low row"] },
  { name: "back extension", muscleGroup: "back", kind: "strength", aliases: ["hyperextension", "hyper", "back raise"] },
  // Legs and glutes
  {
    name: "squat",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["back squat", "barbell squat", "high bar squat", "low bar squat", "bb squat"],
    exact: ["squatted", "squatting", "squated"],
  },
  { name: "front squat", muscleGroup: "legs", kind: "strength", aliases: ["front squatted"] },
  { name: "goblet squat", muscleGroup: "legs", kind: "strength", aliases: [] },
  { name: "leg press", muscleGroup: "legs", kind: "strength", aliases: ["leg pressed", "sled press"] },
  {
    name: "lunge",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["walking lunge", "reverse lunge", "dumbbell lunge", "forward lunge"],
  },
  {
    name: "bulgarian split squat",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["split squat", "bss", "rear foot elevated split squat", "bulgarian"],
  },
  {
    name: "leg curl",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["hamstring curl", "lying leg curl", "seated leg curl"],
  },
  { name: "leg extension", muscleGroup: "legs", kind: "strength", aliases: ["quad extension", "leg ext"] },
  {
    name: "calf raise",
    muscleGroup: "legs",
    kind: "strength",
    aliases: ["calf raises", "standing calf raise", "seated calf raise", "calve raise"],
  },
  {
    name: "hip thrust",
    muscleGroup: "glutes",
    kind: "strength",
    aliases: ["barbell hip thrust", "glute bridge", "hip bridge"],
  },
  { name: "step-up", muscleGroup: "legs", kind: "strength", aliases: ["step up", "box step up"] },
  { name: "hack squat", muscleGroup: "legs", kind: "strength", aliases: ["machine hack squat"] },
  { name: "good morning", muscleGroup: "legs", kind: "strength", aliases: ["barbell good morning"] },
  { name: "glute kickback", muscleGroup: "glutes", kind: "strength", aliases: ["cable kickback", "kickback"] },
  {
    name: "upright row",
    muscleGroup: "shoulders",
    kind: "strength",
    aliases: ["barbell upright row", "cable upright row"],
  },
  // Arms
  {
    name: "bicep curl",
    muscleGroup: "arms",
    kind: "strength",
    aliases: [
      "curl",
      "biceps curl",
      "barbell curl",
      "dumbbell curl",
      "db curl",
      "ez bar curl",
      "preacher curl",
      "cable curl",
    ],
    exact: ["curled"],
  },
  { name: "hammer curl", muscleGroup: "arms", kind: "strength", aliases: ["dumbbell hammer curl"], exact: ["hammers"] },
  {
    name: "tricep pushdown",
    muscleGroup: "arms",
    kind: "strength",
    aliases: ["triceps pushdown", "pushdown", "rope pushdown", "tricep push down", "cable pushdown"],
  },
  {
    name: "tricep extension",
    muscleGroup: "arms",
    kind: "strength",
    aliases: ["triceps extension", "overhead tricep extension", "overhead extension", "skull crusher", "skullcrusher"],
  },
  {
    name: "close grip bench press",
    muscleGroup: "arms",
    kind: "strength",
    aliases: ["close grip bench", "cgbp", "close-grip bench"],
  },
  // Core
  { name: "plank", muscleGroup: "core", kind: "strength", aliases: ["side plank"] },
  {
    name: "crunch",
    muscleGroup: "core",
    kind: "strength",
    aliases: ["ab crunch", "cable crunch"],
    exact: ["crunches"],
  },
  { name: "sit-up", muscleGroup: "core", kind: "strength", aliases: ["sit up", "situp"] },
  {
    name: "hanging leg raise",
    muscleGroup: "core",
    kind: "strength",
    aliases: ["leg raise", "hanging knee raise", "knee raise", "toes to bar"],
  },
  { name: "russian twist", muscleGroup: "core", kind: "strength", aliases: [] },
  { name: "ab wheel rollout", muscleGroup: "core", kind: "strength", aliases: ["ab wheel", "ab rollout", "rollout"] },
  // Full body
  {
    name: "kettlebell swing",
    muscleGroup: "full body",
    kind: "strength",
    aliases: ["kb swing", "russian swing", "kettlebell swings"],
    exact: ["swings"],
  },
  {
    name: "power clean",
    muscleGroup: "full body",
    kind: "strength",
    aliases: ["hang clean", "squat clean"],
    exact: ["cleans"],
  },
  { name: "clean and jerk", muscleGroup: "full body", kind: "strength", aliases: ["clean & jerk", "c&j"] },
  {
    name: "snatch",
    muscleGroup: "full body",
    kind: "strength",
    aliases: ["power snatch", "hang snatch"],
    exact: ["snatches"],
  },
  { name: "thruster", muscleGroup: "full body", kind: "strength", aliases: [] },
  { name: "burpee", muscleGroup: "full body", kind: "strength", aliases: [] },
  {
    name: "farmer's carry",
    muscleGroup: "full body",
    kind: "strength",
    aliases: ["farmers carry", "farmer carry", "farmer's walk", "farmers walk", "farmer walk", "loaded carry"],
  },
  // Cardio
  {
    name: "run",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: [
      "running",
      "jog",
      "jogging",
      "treadmill run",
      "parkrun",
      "trail run",
      "tempo run",
      "easy run",
      "long run",
      "interval run",
      "treadmill",
    ],
    exact: ["ran", "runs", "jogged", "jogs", "parkruns"],
  },
  {
    name: "walk",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["walking", "stroll", "brisk walk", "treadmill walk", "incline walk"],
    exact: ["walked", "walks", "strolled"],
  },
  { name: "hike", muscleGroup: "cardio", kind: "cardio", aliases: ["hiking"], exact: ["hiked", "hikes"] },
  {
    name: "cycling",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: [
      "cycle",
      "bike",
      "bike ride",
      "biking",
      "ride",
      "road ride",
      "spin",
      "spinning",
      "spin class",
      "peloton",
      "stationary bike",
      "exercise bike",
      "indoor cycling",
      "cycle ride",
    ],
    exact: ["cycled", "biked", "rode", "bike rode"],
  },
  {
    name: "swimming",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["swim", "lap swim", "laps in the pool"],
    exact: ["swam", "swims"],
  },
  {
    name: "rowing",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["row", "erg", "rowing machine", "rower", "indoor row", "concept2", "concept 2"],
    exact: ["rowed"],
  },
  {
    name: "elliptical",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["cross trainer", "crosstrainer", "elliptical trainer"],
  },
  {
    name: "stair climber",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["stairmaster", "stair master", "stair machine", "stepmill", "stair climbing"],
  },
  {
    name: "jump rope",
    muscleGroup: "cardio",
    kind: "cardio",
    aliases: ["skipping rope", "rope skipping", "jumping rope", "jumped rope", "jump roped"],
  },
  { name: "rucking", muscleGroup: "cardio", kind: "cardio", aliases: ["ruck"], exact: ["rucked"] },
  // Sessions without sets
  {
    name: "yoga",
    muscleGroup: "mobility",
    kind: "session",
    aliases: ["vinyasa", "hot yoga", "yin yoga", "power yoga", "yoga class", "bikram"],
  },
  {
    name: "pilates",
    muscleGroup: "mobility",
    kind: "session",
    aliases: ["reformer pilates", "pilates class", "reformer"],
  },
  {
    name: "stretching",
    muscleGroup: "mobility",
    kind: "session",
    aliases: ["stretch", "mobility", "mobility work", "mobility session", "foam rolling"],
    exact: ["stretched"],
  },
  {
    name: "hiit",
    muscleGroup: "conditioning",
    kind: "session",
    aliases: ["hiit class", "hiit session", "interval training", "tabata", "hiit workout"],
  },
  { name: "crossfit", muscleGroup: "conditioning", kind: "session", aliases: ["wod", "crossfit class", "metcon"] },
  {
    name: "circuit training",
    muscleGroup: "conditioning",
    kind: "session",
    aliases: ["circuit", "circuits", "bootcamp", "boot camp", "f45", "orangetheory", "body pump", "bodypump"],
  },
  {
    name: "boxing",
    muscleGroup: "conditioning",
    kind: "session",
    aliases: ["kickboxing", "boxing class", "sparring", "muay thai", "bag work"],
    exact: ["boxed"],
  },
  {
    name: "martial arts",
    muscleGroup: "sport",
    kind: "session",
    aliases: ["bjj", "jiu jitsu", "jiu-jitsu", "judo", "karate", "taekwondo", "mma", "wrestling"],
  },
  {
    name: "climbing",
    muscleGroup: "sport",
    kind: "session",
    aliases: ["bouldering", "rock climbing", "climb"],
    exact: ["climbed", "bouldered"],
  },
  { name: "tennis", muscleGroup: "sport", kind: "session", aliases: ["padel", "pickleball"] },
  { name: "football", muscleGroup: "sport", kind: "session", aliases: ["soccer", "five a side", "5 a side", "futsal"] },
  { name: "basketball", muscleGroup: "sport", kind: "session", aliases: ["hoops"] },
  { name: "squash", muscleGroup: "sport", kind: "session", aliases: ["racquetball"] },
  { name: "badminton", muscleGroup: "sport", kind: "session", aliases: [] },
  { name: "golf", muscleGroup: "sport", kind: "session", aliases: ["round of golf"] },
  {
    name: "dance",
    muscleGroup: "conditioning",
    kind: "session",
    aliases: ["dancing", "zumba", "dance class"],
    exact: ["danced"],
  },
  {
    name: "skiing",
    muscleGroup: "sport",
    kind: "session",
    aliases: ["ski", "snowboarding", "snowboard"],
    exact: ["skied"],
  },
  { name: "surfing", muscleGroup: "sport", kind: "session", aliases: ["surf"], exact: ["surfed"] },
  // Whole sessions named by their focus
  {
    name: "strength training",
    muscleGroup: "full body",
    kind: "strength",
    generic: true,
    aliases: [
      "weights",
      "weight training",
      "weight session",
      "lifting session",
      "gym session",
      "gym workout",
      "resistance training",
      "full body workout",
      "full body",
      "full body session",
      "lifting",
      "workout",
      "weights session",
      "gym",
      "the gym",
      "strength session",
      "strength workout",
    ],
  },
  {
    name: "leg workout",
    muscleGroup: "legs",
    kind: "strength",
    generic: true,
    aliases: ["leg day", "leg session", "legs day", "lower body", "lower body day", "lower body workout", "lower day"],
  },
  {
    name: "chest workout",
    muscleGroup: "chest",
    kind: "strength",
    generic: true,
    aliases: ["chest day", "chest session", "push day", "push workout", "push session"],
  },
  {
    name: "back workout",
    muscleGroup: "back",
    kind: "strength",
    generic: true,
    aliases: ["back day", "back session", "pull day", "pull workout", "pull session"],
  },
  {
    name: "upper body workout",
    muscleGroup: "full body",
    kind: "strength",
    generic: true,
    aliases: ["upper body", "upper body day", "upper day", "upper body session"],
  },
  {
    name: "shoulder workout",
    muscleGroup: "shoulders",
    kind: "strength",
    generic: true,
    aliases: ["shoulder day", "shoulders day", "delts day", "shoulder session"],
  },
  {
    name: "arm workout",
    muscleGroup: "arms",
    kind: "strength",
    generic: true,
    aliases: ["arm day", "arms day", "arm session", "arms session"],
  },
  {
    name: "core workout",
    muscleGroup: "core",
    kind: "strength",
    generic: true,
    aliases: [
      "ab workout",
      "abs workout",
      "core session",
      "abs session",
      "ab day",
      "abs day",
      "core day",
      "abs",
      "core",
    ],
  },
  {
    name: "cardio",
    muscleGroup: "cardio",
    kind: "cardio",
    generic: true,
    aliases: ["cardio session", "conditioning", "zone 2", "zone two", "steady state cardio", "liss"],
  },
];

/** Lowercase, "-" and "_" as spaces, no other punctuation but "'" and "&", single spaces. */
export function cleanExerciseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-_/]/g, " ")
    .replace(/[^\p{L}\p{N}'&\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function plurals(alias: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(alias)) return [alias, `${alias}es`];
  if (/[^aeiou]y$/.test(alias)) return [alias, `${alias.slice(0, -1)}ies`, `${alias}s`];
  return [alias, `${alias}s`];
}

const ALIAS_TO_EXERCISE = new Map<string, Exercise>();
for (const entry of CATALOG) {
  const exercise: Exercise = {
    name: entry.name,
    muscleGroup: entry.muscleGroup,
    kind: entry.kind,
    ...(entry.generic ? { generic: true } : {}),
  };
  for (const alias of [entry.name, ...entry.aliases]) {
    for (const spelling of plurals(cleanExerciseText(alias))) {
      if (!ALIAS_TO_EXERCISE.has(spelling)) ALIAS_TO_EXERCISE.set(spelling, exercise);
    }
  }
  for (const spelling of entry.exact ?? []) ALIAS_TO_EXERCISE.set(cleanExerciseText(spelling), exercise);
}

const ALIASES_LONGEST_FIRST = [...ALIAS_TO_EXERCISE.keys()].sort((left, right) => right.length - left.length);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Matched against text cleaned by `maskForMatching`, so spaces stand for any punctuation run.
const MENTION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ALIASES_LONGEST_FIRST.map((alias) => escapeRegex(alias).replace(/ /g, " +")).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** Every known exercise in the catalog, for tests and documentation. */
export function catalog(): readonly Exercise[] {
  return CATALOG.map(({ name, muscleGroup, kind, generic }) => ({
    name,
    muscleGroup,
    kind,
    ...(generic ? { generic } : {}),
  }));
}

/** The exercise for an exact spelling ("BP", "Pull-ups", "squatted"), or null. */
export function lookupExercise(text: string): Exercise | null {
  return ALIAS_TO_EXERCISE.get(cleanExerciseText(text)) ?? null;
}

/**
 * The canonical exercise for any name a model or a user gives. An exact alias wins; otherwise
 * the longest known alias inside the name ("paused bench press" -> bench press); otherwise the
 * cleaned name itself, in group "other", with the kind the caller infers from the logged fields.
 */
export function normaliseExercise(name: string, fallbackKind: ExerciseKind): Exercise {
  const cleaned = cleanExerciseText(name);
  const exact = ALIAS_TO_EXERCISE.get(cleaned);
  if (exact !== undefined) return exact;
  const contained = findExerciseMentions(cleaned)[0];
  if (contained !== undefined) return contained.exercise;
  const fallbackGroup: MuscleGroup = fallbackKind === "cardio" ? "cardio" : "other";
  return { name: cleaned === "" ? "workout" : cleaned.slice(0, 100), muscleGroup: fallbackGroup, kind: fallbackKind };
}

export interface ExerciseMention {
  exercise: Exercise;
  /** The words as written, and their offsets in the text given. */
  text: string;
  start: number;
  end: number;
}

/** Same length as the input: lowercase, punctuation other than "'" and "&" as spaces. */
function maskForMatching(text: string): string {
  let output = "";
  for (const character of text) {
    const lower = character.toLowerCase();
    const kept = lower.length === character.length ? lower : character;
    const plain = kept === "\u2019" || kept === "\u2018" ? "'" : kept;
    output += /[\p{L}\p{N}'&]/u.test(plain) ? plain : " ".repeat(character.length);
  }
  return output;
}

/** Every exercise named in free text, left to right, longest spelling first where they overlap. */
export function findExerciseMentions(text: string): ExerciseMention[] {
  const masked = maskForMatching(text);
  const mentions: ExerciseMention[] = [];
  for (const match of masked.matchAll(MENTION_PATTERN)) {
    const spelling = match[0].replace(/ +/g, " ");
    const exercise = ALIAS_TO_EXERCISE.get(spelling);
    if (exercise === undefined) continue;
    mentions.push({
      exercise,
      text: text.slice(match.index, match.index + match[0].length),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return mentions;
}
