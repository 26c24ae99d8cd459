import { expect, test } from "vitest";
import { logSerializers } from "../src/http/log";

test("request logs never carry a calendar feed's secret address", () => {
  const logged = logSerializers.req({
    method: "GET",
    url: "/feeds/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA.ics?x=1",
    host: "rota.example",
    socket: { remoteAddress: "10.0.0.7", remotePort: 50_000 },
  });
  expect(logged).toEqual({
    method: "GET",
    url: "/feeds/[secret].ics?x=1",
    host: "rota.example",
    remoteAddress: "10.0.0.7",
    remotePort: 50_000,
  });
  expect(logSerializers.req({ method: "GET", url: "/v1/rotas" }).url).toBe("/v1/rotas");
});
