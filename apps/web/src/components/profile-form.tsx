// Onboarding as a form (PUT /v1/profile), the alternative to answering the coach's questions in
// chat. The gateway computes the targets; field limits mirror its profile schema so most mistakes
// are caught before sending, and its own field errors are shown beside the fields.
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { ApiError, describeError } from "../api/errors.ts";
import type { Profile, StoredProfile } from "../api/types.ts";

interface Props {
  api: Api;
  current: Profile | null;
  onSaved(profile: StoredProfile): void;
  onCancel?: (() => void) | undefined;
}

const ACTIVITY: [Profile["activityLevel"], string][] = [
  ["sedentary", "Sedentary (desk job, little exercise)"],
  ["light", "Light (exercise 1-3 days a week)"],
  ["moderate", "Moderate (3-5 days a week)"],
  ["active", "Active (6-7 days a week)"],
  ["very_active", "Very active (hard training or a physical job)"],
];

const GOALS: [Profile["goal"], string][] = [
  ["lose", "Lose fat"],
  ["maintain", "Maintain"],
  ["gain", "Gain muscle"],
];

type Fields = { sex: string; age: string; heightCm: string; weightKg: string; activityLevel: string; goal: string };

export function ProfileForm({ api, current, onSaved, onCancel }: Props) {
  const [fields, setFields] = useState<Fields>(() => ({
    sex: current?.sex ?? "",
    age: current ? String(current.age) : "",
    heightCm: current ? String(current.heightCm) : "",
    weightKg: current ? String(current.weightKg) : "",
    activityLevel: current?.activityLevel ?? "moderate",
    goal: current?.goal ?? "maintain",
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (name: keyof Fields) => (event: Event) =>
    setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement).value });

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setFieldErrors({});
    const profile = {
      sex: fields.sex,
      age: Number(fields.age),
      heightCm: Number(fields.heightCm),
      weightKg: Number(fields.weightKg),
      activityLevel: fields.activityLevel,
      goal: fields.goal,
    } as Profile;
    try {
      const saved = await api.putProfile(profile);
      onSaved(saved);
    } catch (failure) {
      if (
        failure instanceof ApiError &&
        failure.status === 400 &&
        failure.details &&
        typeof failure.details === "object"
      ) {
        const details = failure.details as Record<string, string[] | undefined>;
        setFieldErrors(
          Object.fromEntries(Object.entries(details).map(([name, messages]) => [name, (messages ?? []).join(" ")])),
        );
      }
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  }

  const describedBy = (name: string) => (fieldErrors[name] ? `${name}-error` : undefined);
  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <span id={`${name}-error`} class="field-error">
        {fieldErrors[name]}
      </span>
    ) : null;

  return (
    <form class="profile-form" onSubmit={save} aria-labelledby="profile-heading">
      <h3 id="profile-heading">{current ? "Edit your profile" : "Set up your daily targets"}</h3>
      {!current && <p class="muted">Or just say hi to the coach in chat and answer a few questions.</p>}
      <fieldset>
        <legend>Sex</legend>
        <label class="inline">
          <input
            type="radio"
            name="sex"
            value="female"
            checked={fields.sex === "female"}
            onChange={set("sex")}
            required
          />{" "}
          Female
        </label>
        <label class="inline">
          <input type="radio" name="sex" value="male" checked={fields.sex === "male"} onChange={set("sex")} /> Male
        </label>
        {fieldError("sex")}
      </fieldset>
      <div class="form-grid">
        <label>
          Age
          <input
            name="age"
            type="number"
            inputMode="numeric"
            min={13}
            max={100}
            step={1}
            value={fields.age}
            onInput={set("age")}
            aria-describedby={describedBy("age")}
            required
          />
          {fieldError("age")}
        </label>
        <label>
          Height (cm)
          <input
            name="heightCm"
            type="number"
            inputMode="decimal"
            min={100}
            max={250}
            step="any"
            value={fields.heightCm}
            onInput={set("heightCm")}
            aria-describedby={describedBy("heightCm")}
            required
          />
          {fieldError("heightCm")}
        </label>
        <label>
          Weight (kg)
          <input
            name="weightKg"
            type="number"
            inputMode="decimal"
            min={30}
            max={350}
            step="any"
            value={fields.weightKg}
            onInput={set("weightKg")}
            aria-describedby={describedBy("weightKg")}
            required
          />
          {fieldError("weightKg")}
        </label>
      </div>
      <label>
        Activity
        <select name="activityLevel" value={fields.activityLevel} onChange={set("activityLevel")}>
          {ACTIVITY.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Goal
        <select name="goal" value={fields.goal} onChange={set("goal")}>
          {GOALS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? "Saving…" : "Save and compute targets"}
        </button>
        {onCancel && (
          <button type="button" class="quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
