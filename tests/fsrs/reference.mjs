// The reference answers for core/fsrs: replays review histories through
// ts-fsrs (the version pinned in package.json) and prints each card it gives.
//
// stdin:  [{ parameters: { w, request_retention, maximum_interval_days,
//                          enable_fuzz, enable_short_term,
//                          learning_steps_ms, relearning_steps_ms },
//            start_ms, reviews: [{ rating: "again"|"hard"|"good"|"easy", at_ms }] }, ...]
// stdout: [{ cards: [{ due_ms, stability, difficulty, state, reps, lapses,
//                      learning_step, scheduled_days, elapsed_days,
//                      last_review_ms, retrievability_before }, ...],
//            error?: "..." }, ...]
// A history ts-fsrs refuses (it throws, e.g. for a review on an earlier UTC
// date than the last one) stops there with `error`; the cards before it stay.
import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";

const stateNames = { [State.New]: "new", [State.Learning]: "learning",
                     [State.Review]: "review", [State.Relearning]: "relearning" };
const ratings = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function steps(list) {
  return list.map((ms) => {
    if (!Number.isInteger(ms / 60000)) throw new Error(`step ${ms} ms is not whole minutes`);
    return `${ms / 60000}m`;
  });
}

function replay(history) {
  const p = history.parameters;
  const scheduler = fsrs({
    w: p.w,
    request_retention: p.request_retention,
    maximum_interval: p.maximum_interval_days,
    enable_fuzz: p.enable_fuzz,
    enable_short_term: p.enable_short_term,
    learning_steps: steps(p.learning_steps_ms),
    relearning_steps: steps(p.relearning_steps_ms),
  });
  let card = createEmptyCard(new Date(history.start_ms));
  const cards = [];
  try {
    for (const { rating, at_ms } of history.reviews) {
      const at = new Date(at_ms);
      const retrievability_before = card.state === State.New || card.last_review
        ? scheduler.get_retrievability(card, at, false) : null;
      card = scheduler.next(card, at, ratings[rating]).card;
      cards.push({
        due_ms: card.due.getTime(),
        stability: card.stability,
        difficulty: card.difficulty,
        state: stateNames[card.state],
        reps: card.reps,
        lapses: card.lapses,
        learning_step: card.learning_steps,
        scheduled_days: card.scheduled_days,
        elapsed_days: card.elapsed_days,
        last_review_ms: card.last_review ? card.last_review.getTime() : null,
        retrievability_before,
      });
    }
  } catch (e) {
    return { cards, error: String(e && e.message ? e.message : e).slice(0, 200) };
  }
  return { cards };
}

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).map(replay)));
