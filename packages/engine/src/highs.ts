import loadHighs from "highs";
import { highsBackend, type MilpBackend } from "@deskrota/core/internal";

let loaded: Promise<MilpBackend> | undefined;

/** HiGHS for this thread, loaded once (the .wasm file is read here, outside the pure core). */
export function highs(): Promise<MilpBackend> {
  loaded ??= loadHighs().then(highsBackend);
  return loaded;
}
