// Is a phrase food? The skill's item extraction cuts a message into phrases; some are food
// ("a tuna sandwich"), some are not ("tell me my total", "lost my mind", "the whole packet").
// A phrase counts as food when one of its words is a known food word. A phrase whose words are
// all everyday non-food words is dropped. Anything else is unknown: a dish or brand this list does
// not hold ("pho", "bibimbap"), or chatter with a rare word. Unknown phrases are checked against
// the USDA search before they are logged (see `hitMatches`), so the list does not have to be
// complete, only the common foods have to be in it.

/** Food words, singular. Plurals are matched through `stem`. */
const FOOD_WORDS = new Set(
  `
chicken beef pork lamb mutton veal turkey duck goose venison bison rabbit ham bacon sausage salami pepperoni
chorizo prosciutto pastrami bologna hotdog frankfurter steak sirloin ribeye brisket mince meatball meatloaf burger
hamburger cheeseburger patty rib wing drumstick thigh breast tenderloin chop cutlet schnitzel kebab doner gyro
shawarma souvlaki jerky liver spam nugget tender goujon katsu teriyaki satay banger bratwurst pate haggis
meat poultry fish salmon tuna cod haddock tilapia trout mackerel sardine anchovy herring halibut bass snapper
swordfish shrimp prawn crab lobster scallop mussel clam oyster squid calamari octopus sushi sashimi nigiri maki
poke ceviche caviar roe surimi fishcake kipper seafood
egg omelet omelette frittata quiche milk cheese cheddar mozzarella parmesan feta brie camembert gouda halloumi
ricotta mascarpone paneer cream creamer butter ghee yogurt yoghurt skyr kefir custard whey casein gelato sorbet
froyo milkshake latte cappuccino mocha macchiato frappuccino frappe cortado
bread toast bagel baguette roll bun croissant brioche muffin crumpet scone pancake waffle crepe tortilla wrap pita
naan chapati chapatti roti paratha flatbread focaccia ciabatta sourdough rye pretzel cracker biscuit cookie oat
oatmeal porridge granola muesli cereal cornflake bran weetabix cheerio rice risotto paella biryani pilaf pilau
quinoa couscous bulgur barley farro polenta grits pasta spaghetti penne fusilli macaroni mac lasagna lasagne
ravioli tortellini gnocchi noodle ramen udon soba pho orzo linguine fettuccine tagliatelle carbonara bolognese
alfredo pesto pizza calzone stromboli dumpling gyoza bao wonton samosa pakora bhaji empanada pierogi tamale taco
burrito quesadilla enchilada nacho fajita chimichanga tostada sandwich sub panini toastie blt hoagie baguette
bruschetta crouton
vegetable veggie salad lettuce spinach kale arugula rocket cabbage coleslaw slaw broccoli cauliflower carrot
celery cucumber tomato pepper onion garlic mushroom zucchini courgette eggplant aubergine squash pumpkin potato
spud fry chip crisp hashbrown tater yam beetroot beet radish turnip parsnip leek asparagus artichoke pea bean
chickpea lentil edamame corn sweetcorn okra sprout bok choy seaweed nori avocado guacamole guac olive pickle
sauerkraut kimchi tofu tempeh seitan hummus houmous falafel dal dhal daal chana salsa soup stew chili chilli
curry casserole goulash ratatouille gazpacho minestrone broth bisque chowder stirfry greens mash
fruit apple banana orange clementine mandarin tangerine satsuma grapefruit lemon lime grape raisin sultana
berry strawberry blueberry raspberry blackberry cranberry cherry peach nectarine plum prune apricot mango
pineapple papaya kiwi melon watermelon cantaloupe honeydew pear fig date pomegranate passionfruit lychee coconut
dragonfruit guava persimmon rhubarb acai applesauce compote smoothie juice
nut almond cashew walnut pecan pistachio peanut hazelnut macadamia seed chia flax flaxseed linseed sunflower
sesame tahini
chocolate candy gummy gummie licorice liquorice lollipop toffee fudge caramel marshmallow cake cupcake
brownie donut doughnut pastry pie tart cheesecake tiramisu pudding mousse eclair danish churro popcorn dorito
pringle cheeto oreo kitkat snickers twix bounty twirl malteser skittle haribo nutella jam jelly marmalade
honey syrup sugar sweetener digestive hobnob flapjack icecream sundae crumble trifle cobbler strudel baklava
cannoli macaron meringue shortbread gingerbread biscotti
water coffee espresso americano tea chai matcha kombucha soda coke pepsi sprite fanta lemonade cola cider beer
lager ale stout ipa pint wine prosecco champagne vodka whisky whiskey gin rum tequila cocktail margarita mojito
sangria gatorade powerade redbull lucozade cocoa horlicks ovaltine seltzer
ketchup mayo mayonnaise mustard sauce gravy dressing vinaigrette ranch bbq barbecue sriracha soy oil vinegar
hollandaise aioli relish chutney tzatziki raita dip
mcdonalds mcdonald whopper nandos kfc chipotle greggs starbucks pret subway dominos
bibimbap bulgogi tempura tonkatsu miso yakitori onigiri bento laksa rendang nasi goreng tikka masala korma
vindaloo jalfrezi tandoori saag dosa idli thali moussaka spanakopita tabbouleh tagine shakshuka borscht fondue
arepa feijoada tapas gnocchi caprese antipasto pasty frankfurter protein shake porridge
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Foods named by two words that are not food words alone. */
const FOOD_PHRASES = [
  "hot dog",
  "corn dog",
  "big mac",
  "dim sum",
  "pad thai",
  "tom yum",
  "trail mix",
  "energy drink",
  "sports drink",
  "bubble tea",
  "hash brown",
  "spring roll",
  "panna cotta",
  "ben and jerry",
  "ben & jerry",
  "five guys",
  "burger king",
  "pizza hut",
  "taco bell",
  "full english",
  "fry up",
  "fry-up",
  "sunday roast",
  "roast dinner",
  "jacket potato",
  "black pudding",
  "scotch egg",
  "eton mess",
  "bubble and squeak",
  "mushy peas",
  "flat white",
];

/**
 * Everyday words that never make a phrase food: amounts, containers, sizes, feelings, places,
 * people, times, verbs. "The whole packet" and "lost my mind" are made only of these (or of
 * words that the USDA search does not know as food).
 */
const NOT_FOOD_WORDS = new Set(
  `
a an the some any of my our your his her their its it it's this that these those them they i me we you he she
i'm im i've ive i'd id we're were was is are be been being am do did does done doing have has had having get got
one two three four five six seven eight nine ten eleven twelve half quarter third dozen couple few several lot
lots loads load bunch ton tons much many more most less little bit bite bites sip sips mouthful another extra
plus double triple single whole entire full rest all both each every other same usual
packet pack package bag box tub pot jar can tin bottle carton container plate bowl cup mug glass slice piece
serving portion handful scoop spoon spoonful tablespoon teaspoon tbsp tsp gram grams g kg oz ounce ounces lb
pound ml litre liter l
big bigger massive huge giant large medium small tiny mini quick light heavy healthy unhealthy greasy good great
bad nice lovely delicious tasty yummy amazing awful decent fresh homemade home-made leftover leftovers cold hot
warm plain regular normal skinny low high free real proper cheeky naughty sneaky random weird rough long busy hard
tough crazy stressful lazy slow early late first second last next
so very really super too quite pretty kinda sorta just only also again even still then now later earlier soon
like about around roughly approximately maybe probably definitely actually basically literally honestly
and or but with without for from to in on at by into onto over under after before during while because if
when where what which who why how than as up down out off
today yesterday tomorrow tonight morning afternoon evening night day days week weeks weekend month year time
times hour hours minute minutes moment lunchtime midnight noon am pm
breakfast brunch lunch dinner supper snack snacks dessert meal meals food foods drink drinks thing things stuff
something anything nothing everything whatever
work office home house gym school class uni college car train bus plane way road restaurant cafe pub bar club
party cinema airport station shop store supermarket kitchen fridge desk bed couch sofa table
wife husband partner boyfriend girlfriend friend friends mate mates kid kids son daughter mum mom dad mother
father brother sister family boss colleague coworker team everyone someone somebody nobody people guy guys
hungry starving full stuffed tired knackered exhausted sick ill fine ok okay mind life mood head stomach tummy
feeling bloated gassy guilty sluggish lads girls boys gang crew usual wrong think guess
diet plan goal target total totals macros calories calorie kcal carbs log diary journal
tracker app entry entries list
ate eat eaten eating drank drunk drinking grabbed grab made make cooked cook ordered order finished finish lost
lose forgot forget felt feel went go going came come tried try wanted want needed need think thought know knew
remember remind tell told show showed give gave let log logged add added track tracked record delete remove
say said take took see saw look looked treat treated managed smashed demolished devoured inhaled scoffed
wolfed polished killed housed enjoyed picked bought got having
lol haha hahaha lmao omg ugh wow yay oops hmm um uh yeah yep yes no nope nah please thanks thank hey hi hello
not didn't don't never wasn't
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that say how a food was made or how much, not what it is; no evidence that a hit matches. */
const DESCRIPTOR_WORDS = new Set(
  "white brown red green black yellow long short thin thick sweet sour salty spicy mild hot cold raw cooked fried baked grilled roasted boiled steamed plain whole light dark fresh frozen dried canned instant original classic regular large small medium low high reduced free style flavor flavored flavour mixed".split(
    " ",
  ),
);

/** A plural's singular, well enough to look a word up: "berries" -> "berry", "tomatoes" -> "tomato". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:oes|ches|shes|xes|sses)$/.test(word)) return word.replace(/es$/, "");
  if (word.length > 3 && /[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function wordsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^a-z&'-]+/)
    .flatMap((word) => word.split("-"))
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter((word) => word !== "");
}

/** Edit distance of at most one (a typo): one letter added, dropped, changed or two swapped. */
function withinOneEdit(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index += 1;
  if (index === left.length && index === right.length) return true;
  const swapped =
    left.length === right.length &&
    left[index] === right[index + 1] &&
    left[index + 1] === right[index] &&
    left.slice(index + 2) === right.slice(index + 2);
  return (
    swapped ||
    left.slice(index + 1) === right.slice(index + 1) ||
    left.slice(index) === right.slice(index + 1) ||
    left.slice(index + 1) === right.slice(index)
  );
}

const LONG_FOOD_WORDS = [...FOOD_WORDS].filter((word) => word.length >= 6);

/** The word and the singulars it may be: "cookies" -> cookies, cookie, cooky. */
function singulars(word: string): string[] {
  const forms = [word, stem(word)];
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  return forms;
}

export function isFoodWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (NOT_FOOD_WORDS.has(lower)) return false;
  if (singulars(lower).some((form) => FOOD_WORDS.has(form))) return true;
  // "chocolat", "sandwhich", "strawbery": a typo of a long food word.
  return lower.length >= 6 && LONG_FOOD_WORDS.some((food) => withinOneEdit(lower, food));
}

export type FoodEvidence = "food" | "not-food" | "unknown";

/** Whether a phrase names a food: by a food word, by only non-food words, or neither. */
export function foodEvidence(phrase: string): FoodEvidence {
  const lower = phrase.toLowerCase();
  if (FOOD_PHRASES.some((food) => lower.includes(food))) return "food";
  const words = wordsOf(lower).filter((word) => !/^\d/.test(word));
  if (words.some(isFoodWord)) return "food";
  const unknown = words.filter((word) => !singulars(word).some((form) => NOT_FOOD_WORDS.has(form)));
  return unknown.length === 0 ? "not-food" : "unknown";
}

/** The words of a query that could name a food: no filler, amounts or descriptors. */
function contentWords(query: string): string[] {
  return wordsOf(query)
    .filter((word) => word.length >= 3 && !/^\d/.test(word))
    .filter((word) => !NOT_FOOD_WORDS.has(word) && !DESCRIPTOR_WORDS.has(word))
    .map(stem);
}

/**
 * True when a USDA food name shares a content word with the query: "pho" does not match
 * "carob flour", "cornflakes" matches "corn flakes". The search always returns its nearest
 * foods; this says whether the nearest is the thing asked for, not just something close.
 */
export function hitMatches(query: string, foodName: string): boolean {
  const wanted = contentWords(query);
  if (wanted.length === 0) return false;
  const nameWords = new Set(wordsOf(foodName).map(stem));
  const squashed = foodName.toLowerCase().replace(/[^a-z]/g, "");
  return wanted.some((word) => nameWords.has(word) || (word.length >= 5 && squashed.includes(word)));
}
