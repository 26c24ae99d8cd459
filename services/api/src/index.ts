// What the CLI (`deskrota worker`, `deskrota org`) and the benchmarks (`api-resolve`) use of the service.
export { ConfigError, loadConfig } from "./config";
export { DataDirInUseError } from "./db/data-dir-lock";
export { startInProcess } from "./in-process";
export { openStore } from "./services";
export { runWorker } from "./worker";
