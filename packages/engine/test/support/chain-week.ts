// A desk open Monday and Tuesday mornings. Cal may work only 4 h a week, Dee only on Tuesdays:
// filling Ann's Monday takes a chain (Cal to Monday, Dee to Cal's Tuesday) the search alone misses,
// 32 person-slots, proven by the exact model. As written in files: the engine's and the CLI's
// repair tests both read it.
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  role: "staff",
  sites: ["main"],
  hours: { target: 4, max: 20 },
  training: { helpdesk: "independent" },
  qualifications: ["lead", "keyholder"],
  availability: { mon: [["00:00", "24:00"]], tue: [["00:00", "24:00"]] },
  ...extra,
});

export const chainWeek = {
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "Europe/London",
  slotMinutes: 30,
  sites: [
    {
      id: "main",
      name: "Main",
      open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
      servicePoints: [
        {
          id: "desk",
          name: "Desk",
          kind: "helpdesk",
          cover: [{ days: ["mon", "tue"], from: "09:00", to: "13:00", min: 1 }],
        },
      ],
    },
  ],
  people: [
    person("ann"),
    person("cal", { hours: { target: 4, max: 4 } }),
    person("dee", { availability: { tue: [["00:00", "24:00"]] } }),
  ],
};

export const chainPublished = {
  assignments: [
    { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" },
    { person: "cal", point: "desk", start: "2026-11-24T09:00", end: "2026-11-24T13:00" },
  ],
};

/** Ann off sick for her Monday, told the evening before. */
export const annSick = {
  absences: [{ person: "ann", from: "2026-11-23T09:00", to: "2026-11-23T13:00", reason: "sick" }],
};
