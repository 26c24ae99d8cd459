export interface TestCluster {
  url: string;
  stop(): void;
}
export function startPostgres(): Promise<TestCluster>;
