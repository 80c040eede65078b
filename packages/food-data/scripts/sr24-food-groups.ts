// SR24 food groups. The XML files in usda_sr24.jar carry no food group, so we
// derive it from the NDB number the way USDA assigns them.
//
// In SR, the first two digits of the 5-digit NDB number are the food group
// code (FD_GROUP.txt: 0100 = "Dairy and Egg Products", ...) for most foods.
// The exceptions, checked against SR's FOOD_DES.txt (column FdGrp_Cd):
// - 23xxx are beef cuts added after the 13xxx range filled up (group 13),
//   27xxx are soups and sauces (06), 28xxx baked products (18), 31xxx
//   vegetables and vegetable juices (11), 32xxx meals (22), 33xxx infant
//   formulas (03), 48xxx vital wheat gluten (20), and 80xxx, 83xxx, 90xxx and
//   93xxx fish, shellfish, frog and turtle (15).
// - 19xxx foods whose name starts with "Snacks," belong to group 25 (Snacks),
//   which was split off from Sweets after their numbers were assigned.
// - 42xxx to 47xxx mix every group, so each of those foods is listed below.

export const foodGroupNames: Record<string, string> = {
  "01": "Dairy and Egg Products",
  "02": "Spices and Herbs",
  "03": "Baby Foods",
  "04": "Fats and Oils",
  "05": "Poultry Products",
  "06": "Soups, Sauces, and Gravies",
  "07": "Sausages and Luncheon Meats",
  "08": "Breakfast Cereals",
  "09": "Fruits and Fruit Juices",
  "10": "Pork Products",
  "11": "Vegetables and Vegetable Products",
  "12": "Nut and Seed Products",
  "13": "Beef Products",
  "14": "Beverages",
  "15": "Finfish and Shellfish Products",
  "16": "Legumes and Legume Products",
  "17": "Lamb, Veal, and Game Products",
  "18": "Baked Products",
  "19": "Sweets",
  "20": "Cereal Grains and Pasta",
  "21": "Fast Foods",
  "22": "Meals, Entrees, and Side Dishes",
  "25": "Snacks",
  "35": "American Indian/Alaska Native Foods",
  "36": "Restaurant Foods",
};

// NDB number prefix (first two digits) -> group code, where they differ.
const prefixGroupExceptions: Record<string, string> = {
  "23": "13",
  "27": "06",
  "28": "18",
  "31": "11",
  "32": "22",
  "33": "03",
  "48": "20",
  "80": "15",
  "83": "15",
  "90": "15",
  "93": "15",
};

// Foods in the mixed 42xxx-47xxx ranges, by group code, from FOOD_DES.txt
// (plus 90480, cane syrup, the one non-fish food numbered 90xxx).
// The last ids in some lists (marked) were dropped from SR before the
// FOOD_DES.txt we checked, so their group is assigned from the food's name.
const mixedRangeGroups: Record<string, number[]> = {
  "01": [
    42117, 42135, 42136, 42141, 42155, 42189, 42205, 42235, 42258, 42290, 42303, 42304, 43078, 43205, 43260, 43261,
    43268, 43273, 43274, 43275, 43276, 43278, 43285, 43340, 43352, 43379, 43396, 43398, 43405, 43543, 43589, 43597,
    44048,
  ],
  "03": [
    42119, 42120, 42150, 42266, 42267, 42278, 42279, 42284, 42285, 42286, 42316, 43004, 43006, 43007, 43008, 43075,
    43373, 43408, 43417, 43432, 43523, 43529, 43535, 43536, 43537, 43539, 43544, 43546, 43550, 43585, 44074,
  ],
  "04": [
    42116, 42137, 42138, 42140, 42151, 42153, 42157, 42158, 42171, 42178, 42192, 42193, 42230, 42231, 42256, 42289,
    42307, 42309, 43015, 43016, 43017, 43019, 43020, 43021, 43214, 43215, 43329, 43331, 43355, 43598, 44005,
    // assigned from the name:
    42299, 42310, 42313, 43599,
  ],
  "05": [43282, 43283, 43287, 43366, 43367, 43390, 43391],
  "07": [
    42128, 42129, 42161, 42173, 42179, 42188, 42190, 42241, 42262, 42280, 43384, 43507,
    // assigned from the name:
    42130,
  ],
  "08": [
    42236, 42237, 42240, 42261, 42265, 42297, 43218, 43241, 43245, 43393, 43483, 43495, 43570,
    // assigned from the name:
    42100, 42184, 43306, 43510, 43584,
  ],
  "09": [
    43382,
    // assigned from the name:
    42149,
  ],
  "10": [43297, 43325, 43326, 43327, 43378],
  "11": [43142, 43143, 43144, 43146, 43217, 43311, 43312, 43350, 43365, 43387, 43392, 43406, 44055],
  "14": [
    42055, 42270, 43154, 43155, 43345, 43369, 43401, 43404, 43479, 43528, 44203,
    // assigned from the name:
    42181, 43343, 43372, 43388, 47011,
  ],
  "15": [43497],
  "16": [
    42182, 42200, 42291, 43112, 43114, 43125, 43128, 43129, 43130, 43131, 43132, 43134, 43135, 43136, 43137, 43212,
    43299, 43410, 43449, 43476,
    // assigned from the name:
    43133,
  ],
  "18": [43441],
  "19": [
    42040, 42063, 42074, 42131, 42148, 42183, 42185, 42186, 42187, 42196, 42227, 42281, 43026, 43028, 43031, 43046,
    43057, 43058, 43060, 43098, 43158, 43216, 43269, 43346, 43450, 43506, 43514, 43541, 44018, 44061, 44110, 44158,
    44258, 44259, 44260, 90480,
    // assigned from the name:
    43059, 46168,
  ],
  "25": [
    42139, 42204, 42259, 42272, 42283, 43100, 43109, 43364, 43447, 43566, 43572, 43595,
    // assigned from the name:
    42271,
  ],
};

const mixedRangeGroupById = new Map<number, string>();
for (const [groupCode, ids] of Object.entries(mixedRangeGroups)) {
  for (const id of ids) mixedRangeGroupById.set(id, groupCode);
}

export function foodGroupCode(id: number, name: string): string {
  const listed = mixedRangeGroupById.get(id);
  if (listed !== undefined) return listed;
  const prefix = String(id).padStart(5, "0").slice(0, 2);
  if (prefix === "19" && /^snacks\b/i.test(name)) return "25";
  const code = prefixGroupExceptions[prefix] ?? prefix;
  if (foodGroupNames[code] === undefined) {
    throw new Error(`no SR food group known for NDB ${id} (${name}); add it to sr24-food-groups.ts`);
  }
  return code;
}

export function foodGroupName(id: number, name: string): string {
  const code = foodGroupCode(id, name);
  const groupName = foodGroupNames[code];
  if (groupName === undefined) throw new Error(`unknown food group code ${code}`);
  return groupName;
}
