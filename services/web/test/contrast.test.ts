import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

// WCAG AA: normal text needs a contrast ratio of at least 4.5:1 against its background. The page's
// colours are the variables at the top of its stylesheet; these are the pairs it puts together.

const css = readFileSync(new URL("../public/styles.css", import.meta.url), "utf8");
const colour = (name: string): string => {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i").exec(css)?.[1];
  if (!value) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return value;
};

/** Relative luminance (WCAG 2.x). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const ratio = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const PAIRS: [text: string, background: string][] = [
  ["ink", "paper"],
  ["muted", "paper"],
  ["muted", "wash"],
  ["ink", "wash"],
  ["brand", "paper"],
  ["brand-ink", "brand"],
  ["gap-ink", "gap-bg"],
  ["gap-ink", "paper"],
  ["ink", "gap-bg"],
  ["changed-ink", "changed-bg"],
  ["ink", "changed-bg"],
  ["best-ink", "paper"],
];

test.each(PAIRS)("--%s on --%s reads at 4.5:1 or better", (text, background) => {
  expect(ratio(colour(text), colour(background))).toBeGreaterThanOrEqual(4.5);
});
