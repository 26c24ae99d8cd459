import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's critical and serious findings on what the page shows now, one line each ("rule: n
 * nodes, first at <selector>"). label-content-name-mismatch is experimental in axe, so it is off by
 * default; it is on here because the grid's cells once failed it.
 */
export async function axeFindings(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the page's Content-Security-Policy refuses inline
  // scripts, and rightly so.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return result.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id}: ${v.nodes.length} nodes, first at ${String(v.nodes[0]?.target ?? "")}`);
  });
}
