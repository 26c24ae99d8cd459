import loadHighs from "highs";
import { highsBackend, type MilpBackend } from "@deskrota/core/internal";

let loaded: Promise<MilpBackend> | undefined;

/**
 * HiGHS for this thread's searches, loaded once, by the first task that needs it (the .wasm file is
 * read here, outside the pure core); their exact moves keep few cuts, so its heap stays small.
 */
export function highs(): Promise<MilpBackend> {
  loaded ??= freshHighs();
  return loaded;
}

/** A HiGHS instance of its own, whose WebAssembly heap goes when the caller drops it. */
export function freshHighs(): Promise<MilpBackend> {
  return loadHighs().then(highsBackend);
}
