import { DeskrotaInputError } from "@deskrota/core";
import { UsageError } from "./io";
import { alternativesCommand, alternativesUsage } from "./commands/alternatives";
import { checkCommand, checkUsage } from "./commands/check";
import { compareCommand, compareUsage } from "./commands/compare";
import { orgCommand, orgUsage } from "./commands/org";
import { planCommand, planUsage } from "./commands/plan";
import { resolveCommand, resolveUsage } from "./commands/resolve";
import { setupCommand, setupUsage } from "./commands/setup";
import { solveCommand, solveUsage } from "./commands/solve";
import { swapsCommand, swapsUsage } from "./commands/swaps";
import { weekCommand, weekUsage } from "./commands/week";
import { workerCommand, workerUsage } from "./commands/worker";

const commands: Record<string, { run(args: string[]): Promise<void>; usage: string }> = {
  solve: { run: solveCommand, usage: solveUsage },
  resolve: { run: resolveCommand, usage: resolveUsage },
  swaps: { run: swapsCommand, usage: swapsUsage },
  alternatives: { run: alternativesCommand, usage: alternativesUsage },
  compare: { run: compareCommand, usage: compareUsage },
  check: { run: checkCommand, usage: checkUsage },
  worker: { run: workerCommand, usage: workerUsage },
  org: { run: orgCommand, usage: orgUsage },
  setup: { run: setupCommand, usage: setupUsage },
  week: { run: weekCommand, usage: weekUsage },
  plan: { run: planCommand, usage: planUsage },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(
      `usage:\n${Object.values(commands)
        .map((c) => `  ${c.usage}`)
        .join("\n")}\n`,
    );
    return name === undefined || name === "--help" ? 0 : 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DeskrotaInputError) {
      process.stderr.write(
        `deskrota: ${error instanceof UsageError ? error.message : "the problem cannot be solved as given:"}\n`,
      );
      for (const issue of error.issues) process.stderr.write(`  ${issue.path || "(problem)"}: ${issue.message}\n`);
      return 2;
    }
    if (error instanceof TypeError && (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      process.stderr.write(`deskrota: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`deskrota: internal error: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
