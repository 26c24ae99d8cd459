import { z } from "zod";
import { DateTime, IANAZone } from "luxon";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const Day = z.enum(DAYS);
export type Day = z.infer<typeof Day>;

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Local wall-clock time "HH:MM"; "24:00" is allowed and means the next midnight. */
export const LocalTime = z.string().regex(HHMM, { message: "must be a time HH:MM between 00:00 and 24:00" });

/** Minutes after local midnight of a valid `LocalTime` (memoised: the search asks millions of times). */
export function minutesOf(time: string): number {
  let minutes = minuteCache.get(time);
  if (minutes === undefined) {
    const [h, m] = time.split(":");
    minutes = Number(h) * 60 + Number(m);
    minuteCache.set(time, minutes);
  }
  return minutes;
}
const minuteCache = new Map<string, number>();

/** `[from, to]` with from < to, both local to the site the window applies to. */
export const Window = z
  .tuple([LocalTime, LocalTime])
  .refine(([from, to]) => !HHMM.test(from) || !HHMM.test(to) || minutesOf(from) < minutesOf(to), {
    message: "the window must start before it ends",
  });
export type Window = z.infer<typeof Window>;

export const WeekHours = z.strictObject({
  mon: z.array(Window).optional(),
  tue: z.array(Window).optional(),
  wed: z.array(Window).optional(),
  thu: z.array(Window).optional(),
  fri: z.array(Window).optional(),
  sat: z.array(Window).optional(),
  sun: z.array(Window).optional(),
});
export type WeekHours = z.infer<typeof WeekHours>;

export const Id = z.string().min(1, { message: "must not be empty" }).max(200);

export const TimeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  message: "must be an IANA time zone such as Europe/London",
});

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be an ISO date YYYY-MM-DD" })
  .refine((d) => DateTime.fromISO(d, { zone: "UTC" }).isValid, { message: "is not a real calendar date" });

/**
 * A dated time such as "2026-11-24T13:00". Without an offset it is local to the problem's
 * `timeZone`; with one ("…+01:00", "…Z") it is that instant.
 */
export const DateTimeText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/, {
    message: "must be a date and time such as 2026-11-24T13:00 (an offset is optional)",
  })
  .refine((s) => DateTime.fromISO(s, { zone: "UTC", setZone: true }).isValid, {
    message: "is not a real date and time",
  });
