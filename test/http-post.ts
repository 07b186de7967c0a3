/** An HTTP response as the router tests read it: status, headers and the parsed JSON body. */
export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Posts a raw body (a string, or anything JSON can encode) to a URL and parses the response as
 * JSON. Fails with the start of the body when it is not JSON.
 */
export async function httpPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  } catch {
    throw new Error(`Expected a JSON body from ${url}, got HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}
