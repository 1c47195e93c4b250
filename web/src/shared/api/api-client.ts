import type { z } from 'zod';
import { ApiError } from './api-error';

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type TRequestOptions = { query?: Record<string, string | number | boolean | undefined> };

/**
 * Called when the session has ended mid-work. It resolves once the user has signed in again
 * (the request is then retried once) and rejects if they gave up.
 */
type TReauthenticate = () => Promise<void>;
let reauthenticate: TReauthenticate | null = null;

export function onSessionExpired(handler: TReauthenticate | null): void {
  reauthenticate = handler;
}

function withQuery(path: string, query: TRequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: TMethod, url: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : {
              accept: 'application/json',
              'content-type': 'application/json',
            },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
}

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const code = body?.error?.code ?? (res.status >= 500 ? 'UNKNOWN' : `HTTP_${res.status}`);
  return new ApiError(
    res.status,
    code,
    body?.error?.message ?? res.statusText,
    body?.error?.details,
  );
}

async function request<T>(
  method: TMethod,
  path: string,
  body: unknown,
  schema: z.ZodType<T> | undefined,
  options: TRequestOptions,
): Promise<T> {
  const url = withQuery(path, options.query);
  let res = await send(method, url, body);
  // Sign-in endpoints answer 401 for wrong passwords: never treat those as an expired session.
  if (res.status === 401 && reauthenticate && !path.startsWith('/auth/')) {
    await reauthenticate();
    res = await send(method, url, body);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(res.status, 'UNEXPECTED_RESPONSE', parsed.error.message);
  return parsed.data;
}

/** JSON over same-origin fetch with the session cookie; pass a zod schema to check the answer. */
export const api = {
  get: <T>(path: string, schema?: z.ZodType<T>, options: TRequestOptions = {}) =>
    request<T>('GET', path, undefined, schema, options),
  post: <T>(path: string, body?: unknown, schema?: z.ZodType<T>, options: TRequestOptions = {}) =>
    request<T>('POST', path, body ?? {}, schema, options),
  put: <T>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    request<T>('PUT', path, body, schema, {}),
  patch: <T>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    request<T>('PATCH', path, body, schema, {}),
  delete: <T>(path: string, schema?: z.ZodType<T>) =>
    request<T>('DELETE', path, undefined, schema, {}),
};
