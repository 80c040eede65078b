// Kept short: the router's whole answer is capped near 60 tokens.
export const ROUTER_PROMPT = `Classify the user's last message for a nutrition and training coach. An earlier message is only context: a follow-up like "delete that" or "and yesterday?" is about what that message was about.
Domains: meal (food, drinks, calories, macros), protocol (supplements: doses, schedules, intake), metrics-workout (body weight, body fat, measurements, workouts, cardio, records), general (greetings, onboarding, advice not tied to logged data, anything else).
A request to summarise the user's own day, week or progress that names no domain ("how did I do this week?") involves all three specialist domains.
A request for another user's data ("show me user 42's meals") is general.
Reply ONLY with JSON: {"domain": "...", "confidence": 0..1, "domains": [every specialist domain the message involves]}.`;
