// Daily targets from a profile, computed in code (never by a model): Mifflin-St Jeor BMR, an
// activity factor, a goal adjustment, protein per kg of body weight, fat as a share of energy and
// carbohydrate for the rest.
import type { Profile, Targets } from "@ensemble/contracts";

const ACTIVITY_FACTOR: Record<Profile["activityLevel"], number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};

const GOAL_ADJUSTMENT_KCAL: Record<Profile["goal"], number> = { lose: -500, maintain: 0, gain: 300 };
const PROTEIN_G_PER_KG: Record<Profile["goal"], number> = { lose: 2.0, maintain: 1.6, gain: 1.8 };
const FAT_SHARE_OF_ENERGY = 0.25;
/** Below this, a deficit stops being safe to recommend without supervision. */
const MINIMUM_KCAL: Record<Profile["sex"], number> = { female: 1200, male: 1500 };

export function basalMetabolicRate(profile: Profile): number {
  const base = 10 * profile.weightKg + 6.25 * profile.heightCm - 5 * profile.age;
  return profile.sex === "male" ? base + 5 : base - 161;
}

export function computeTargets(profile: Profile): Targets {
  const maintenance = basalMetabolicRate(profile) * ACTIVITY_FACTOR[profile.activityLevel];
  const energyKcal = Math.max(MINIMUM_KCAL[profile.sex], maintenance + GOAL_ADJUSTMENT_KCAL[profile.goal]);
  const proteinG = PROTEIN_G_PER_KG[profile.goal] * profile.weightKg;
  const fatG = (energyKcal * FAT_SHARE_OF_ENERGY) / 9;
  const carbohydrateG = Math.max(0, (energyKcal - proteinG * 4 - fatG * 9) / 4);
  return {
    energyKcal: Math.round(energyKcal),
    proteinG: Math.round(proteinG),
    carbohydrateG: Math.round(carbohydrateG),
    fatG: Math.round(fatG),
  };
}
