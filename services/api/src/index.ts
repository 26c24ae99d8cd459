// What the CLI (`deskrota worker`, `deskrota org`) uses of the service.
export { buildApp } from "./app";
export { ConfigError, loadConfig } from "./config";
export type { Config } from "./config";
export { openStore, startServices } from "./services";
export type { Services, Store } from "./services";
export { runWorker } from "./worker";
