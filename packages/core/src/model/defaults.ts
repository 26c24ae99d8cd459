/**
 * What a problem means when it leaves a rule's setting out. The checker, the rules and the
 * compile step read these from here, so the rota judged and the rota searched for agree.
 */

/** `people[].shifts.minMinutes`: a shift shorter than two hours is not worth the journey. */
export const DEFAULT_MIN_SHIFT_MINUTES = 120;
/** `rules.minRestMinutes`: 11 hours between shifts (the EU working-time directive's daily rest). */
export const DEFAULT_MIN_REST_MINUTES = 660;
/** `rules.eveningFrom`: where the unsocial evening begins. */
export const DEFAULT_EVENING_FROM = "18:00";
