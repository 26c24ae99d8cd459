// What the CLI (`deskrota worker`, `deskrota org`) uses of the service.
export { ConfigError, loadConfig } from "./config";
export { DataDirInUseError } from "./db/data-dir-lock";
export { openStore } from "./services";
export { runWorker } from "./worker";
