import type { ApiIssue } from "./types";

const TOKEN_KEY = "deskrota.token";

/** The organisation token lives in this tab's session only: closing the tab signs out. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An error answer of the API (docs/api.md, Conventions), or the network failing. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  message?: string;
  issues?: ApiIssue[];
  requestId?: string;
}

/** `token`: one being tried at sign-in; otherwise the session's, and a 401 signs the session out. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  raw?: { bytes: Blob; type: string },
): Promise<Response> {
  const auth = token ?? session.token();
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Bearer ${auth}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  if (raw) headers["content-type"] = raw.type;
  const payload = raw ? { body: raw.bytes } : body !== undefined ? { body: JSON.stringify(body) } : {};
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...payload });
  } catch {
    throw new ApiFailure(0, "the server does not answer; is it running?");
  }
  if (res.ok) return res;
  const error = (await res.json().catch(() => ({}))) as ErrorBody;
  if (res.status === 401 && token === undefined) window.dispatchEvent(new CustomEvent("deskrota:unauthorized"));
  throw new ApiFailure(
    res.status,
    error.message ?? `${res.status} ${res.statusText}`,
    error.issues ?? [],
    error.requestId,
  );
}

export async function getJson<T>(path: string, token?: string): Promise<T> {
  return (await call("GET", path, undefined, token)).json() as Promise<T>;
}

export async function sendJson<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  return (await call(method, path, body)).json() as Promise<T>;
}

/** A file as the request's body, as it is (a spreadsheet upload). */
export async function sendFile<T>(path: string, file: Blob, type: string): Promise<T> {
  return (await call("POST", path, undefined, undefined, { bytes: file, type })).json() as Promise<T>;
}

/**
 * Downloads need the token too, so a plain link will not do: fetch the file and hand the browser
 * a blob with the file name the server suggested.
 */
export async function download(path: string, fallbackName: string): Promise<string> {
  const res = await call("GET", path);
  const disposition = res.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
