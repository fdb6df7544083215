/** A parsed JSON body. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
type Json = any;

/** A JSON answer of the API: status and parsed body. */
export interface Answer {
  status: number;
  body: Json;
}

/** Sends a JSON request with the session cookie; parses the answer when it is JSON. */
export async function api(
  url: string,
  cookie: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(url + pathname, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Logs in and returns the session cookie (`name=value`); throws unless the answer is 200. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
