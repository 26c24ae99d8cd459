/** What a request line in the logs shows: Fastify's usual fields, with secrets in paths masked. */
interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  socket?: { remoteAddress?: string | undefined; remotePort?: number | undefined };
}

/** A calendar feed's address is its credential: logs, which may be kept elsewhere, must not hold it. */
const FEED = /^\/feeds\/[^/?.]+/;

export const logSerializers = {
  req(request: LoggedRequest) {
    return {
      method: request.method,
      url: request.url?.replace(FEED, "/feeds/[secret]"),
      host: request.host,
      remoteAddress: request.socket?.remoteAddress,
      remotePort: request.socket?.remotePort,
    };
  },
};
