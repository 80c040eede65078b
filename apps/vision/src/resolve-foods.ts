// Each food the model named is looked up in the USDA data through the embedding Worker, so the
// meal specialist gets a food id it can log and compute macros for, not just a name.
import type { FoodSearchReply, Result, SearchFoodsRequest, VisionItem } from "@ensemble/contracts";
import type { ModelItem } from "./model-output.ts";

export type SearchFoods = (request: SearchFoodsRequest) => Promise<Result<FoodSearchReply>>;

export interface ResolvedItems {
  items: VisionItem[];
  /** Honest notes about lookups that found nothing or failed. */
  notes: string[];
}

type Lookup = { item: VisionItem; failure?: string; unmatched?: true };

async function lookUp(item: ModelItem, searchFoods: SearchFoods): Promise<Lookup> {
  try {
    const result = await searchFoods({ query: item.name, limit: 1 });
    if (!result.ok) return { item, failure: result.error.message };
    const best = result.value.hits[0];
    return best ? { item: { ...item, foodId: best.food.id } } : { item, unmatched: true };
  } catch (error) {
    // The embedding Worker being down must not lose what the model saw; the meal specialist can search again.
    return { item, failure: error instanceof Error ? error.message : String(error) };
  }
}

export async function resolveFoods(items: ModelItem[], searchFoods: SearchFoods): Promise<ResolvedItems> {
  const lookups = await Promise.all(items.map((item) => lookUp(item, searchFoods)));
  // Failures grouped by reason, so a Worker that is down makes one note, not one per item.
  const failed = new Map<string, string[]>();
  for (const { item, failure } of lookups)
    if (failure !== undefined) failed.set(failure, [...(failed.get(failure) ?? []), item.name]);
  const unmatched = lookups.filter((lookup) => lookup.unmatched).map((lookup) => lookup.item.name);
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
  const notes = [...failed].map(([reason, names]) => `food lookup failed for ${quoted(names)}: ${reason}`);
  if (unmatched.length > 0) notes.push(`no USDA food matches ${quoted(unmatched)}`);
  return { items: lookups.map((lookup) => lookup.item), notes };
}
