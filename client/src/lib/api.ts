import type { Problem } from '@tm/shared/schemas/problem';
import { currentLanguage } from './i18n.ts';

export const API_BASE = '/api/v1';

/**
 * Any non-2xx answer; carries the server's problem document so screens can branch on status and fields, and the
 * language its words are in (`Content-Language`, the one the interface asked for).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly language: string | undefined;

  constructor(problem: Problem, language?: string) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.language = language;
  }
}

/** The session's CSRF token, sent with every write made with the session cookie (set when the session is read). */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type ApiResponse<T> = { data: T; etag: string | null };

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string | undefined;
  signal?: AbortSignal | undefined;
};

/** Query values are left out when empty, so addresses stay short and the server applies its defaults. */
export function toQueryString(params: Record<string, string | number | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Checked by hand rather than with the zod schema: zod stays out of the first download. */
function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const p = body as Record<string, unknown>;
  return typeof p.title === 'string' && typeof p.status === 'number' && (p.errors === undefined || Array.isArray(p.errors));
}

/** The problem document of a failed answer; a body that is not one (a proxy's HTML page) gets one from the status. */
function problemFrom(status: number, statusText: string, contentType: string | null, body: string): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || 'Error',
    status,
    detail: statusText || `HTTP ${status}`,
  };
  if (!(contentType ?? '').includes('json')) return fallback;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fallback;
  }
  return isProblem(parsed) ? parsed : fallback;
}

async function problemOf(response: Response): Promise<Problem> {
  const body = await response.text().catch(() => '');
  return problemFrom(response.status, response.statusText, response.headers.get('Content-Type'), body);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (csrfToken && options.method && options.method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`${API_BASE}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal ?? null,
  });
  if (!response.ok) throw new ApiError(await problemOf(response), response.headers.get('Content-Language') ?? undefined);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, etag: response.headers.get('ETag') };
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

export type UploadProgress = { loaded: number; total: number };

type UploadOptions = {
  /** While the body is being sent: bytes so far of all. */
  onUploadProgress?: (progress: UploadProgress) => void;
  /** The whole body has been sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal | undefined;
};

/**
 * A multipart POST that reports how much of the body has been sent. XMLHttpRequest rather than fetch: fetch has no
 * upload progress, and a large spreadsheet on a slow line takes long enough for a user to need it.
 */
export function postForm<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch (error) {
          reject(error instanceof Error ? error : new Error('The answer was not JSON'));
        }
      } else {
        const problem = problemFrom(xhr.status, xhr.statusText, xhr.getResponseHeader('Content-Type'), xhr.responseText);
        reject(new ApiError(problem, xhr.getResponseHeader('Content-Language') ?? undefined));
      }
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new DOMException('The upload was stopped', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
