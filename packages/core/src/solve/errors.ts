import type { Issue } from "../model/parse";

/** Bad input found past the schema (e.g. pins that cannot be kept together): a 400, not a crash. */
export class DeskrotaInputError extends Error {
  readonly code = "DESKROTA_E_INPUT";
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
    this.name = "DeskrotaInputError";
  }
}

/** A programmer fault: the engine produced something its own checker rejects. */
export class DeskrotaInternalError extends Error {
  constructor(
    readonly code: `DESKROTA_E_${string}`,
    message: string,
  ) {
    super(message);
    this.name = "DeskrotaInternalError";
  }
}

/** A task whose worker overran its deadline and was terminated: what it was doing is not trusted. */
export class DeskrotaTimeoutError extends Error {
  readonly code = "DESKROTA_E_TIMEOUT";
  constructor(message: string) {
    super(message);
    this.name = "DeskrotaTimeoutError";
  }
}
