import { rota, staff, stint, TUESDAY, tinyProblem, twoMornings } from "./tiny";

// A desk open Monday and Tuesday mornings. Cal wants Tuesday mornings: the preferences-first
// alternative gives him Bob's Tuesday, and also swaps Ann's Monday for Bob's, which its goal does
// not need (16 person-slots for nothing). The alternatives' exact check and take-back both read it.
export const desk = twoMornings();

export const problem = tinyProblem({
  sites: [desk],
  people: [
    staff("ann"),
    staff("bob"),
    staff("cal", { preferences: [{ days: ["tue"], from: "09:00", to: "13:00", weight: 5 }] }),
  ],
});

export const balanced = rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "desk", "09:00", "13:00", TUESDAY)]);

export const alternative = rota([
  stint("bob", "desk", "09:00", "13:00"),
  stint("cal", "desk", "09:00", "13:00", TUESDAY),
]);
