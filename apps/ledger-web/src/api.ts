/** The console's only way to the ledger: the public HTTP API, same origin, bearer token. */
import type { FieldError, ProblemDetails } from '@ledger/contract';

export type { FieldError } from '@ledger/contract';

/** RFC 9457 problem details as the API answers them; only `status` when the answer was not JSON. */
export type Problem = Partial<ProblemDetails> & { status: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token: string;
  accept?: string;
  /** Sent as `Idempotency-Key`: a form keeps one key while open, so a double submit records once. */
  idempotencyKey?: string;
}

export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

let english = false;
/** Text for people (problem details, explanations) follows the console's language (`lang=en`). */
export function setApiLang(lang: 'zh' | 'en'): void {
  english = lang === 'en';
}

function withLang(path: string): string {
  if (!english) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    Accept: options.accept ?? 'application/json',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(withLang(path), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = { ...(await response.json()), status: response.status } as Problem;
    } catch {
      // not JSON: keep the status alone
    }
    throw new ApiError(problem);
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions): Promise<T> {
  return (await (await send(path, options)).json()) as T;
}

/** The same request answered as CSV (the API's `Accept: text/csv`), as a file to save. */
export async function apiCsv(path: string, options: RequestOptions): Promise<Blob> {
  return (await send(path, { ...options, accept: 'text/csv' })).blob();
}

/** A printable document (a village's cards as one PDF), as a file to save. */
export async function apiPdf(path: string, options: RequestOptions): Promise<Blob> {
  return (await send(path, { ...options, accept: 'application/pdf' })).blob();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type Role = 'admin' | 'clerk' | 'auditor' | 'household';

/** `GET /v1/me`: who the token belongs to. */
export interface Me {
  id: string;
  name: string;
  role: Role;
  townships: string[];
  householdId?: string;
}

/** Who a token is (`GET /v1/me`), or `undefined` when the token is not valid. */
export async function whoAmI(token: string): Promise<Me | undefined> {
  try {
    return await api<Me>('/v1/me', { token });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return undefined;
    throw e;
  }
}

/** A multipart upload (a roster as the field `file`); answers the JSON body and the status (201 or 202). */
export async function apiUpload<T>(
  path: string,
  file: File,
  options: { token: string; idempotencyKey?: string },
): Promise<{ status: number; body: T }> {
  const data = new FormData();
  data.append('file', file, file.name);
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token}`, Accept: 'application/json' };
  // The service's key digest covers the file's bytes: the same key with another file is refused (422).
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(withLang(path), { method: 'POST', headers, body: data });
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = { ...(await response.json()), status: response.status } as Problem;
    } catch {
      // not JSON: keep the status alone
    }
    throw new ApiError(problem);
  }
  return { status: response.status, body: (await response.json()) as T };
}

/** A fresh random key (works on plain http too, where `crypto.randomUUID` may be missing). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key` of an upload form. It is kept until the service answers, so a double click
 * (or a retry after a lost connection) sends one key and records once; it is renewed after an answer
 * and whenever the file or the form changes, so the next upload is a request of its own.
 */
export class UploadKey {
  private value = newKey();

  get current(): string {
    return this.value;
  }

  renew(): void {
    this.value = newKey();
  }

  /** After a request: renewed if the service answered (an error of its own or none), kept after a network failure. */
  settle(error?: unknown): void {
    if (error === undefined || error instanceof ApiError) this.renew();
  }
}

/** Moves the API's field errors (`errors[].path`) onto form fields; returns those no field shows. */
export function fieldErrors<Name extends string>(
  error: unknown,
  fields: Record<string, Name>,
): { fields: { name: Name; errors: string[] }[]; rest: FieldError[] } {
  if (!(error instanceof ApiError)) return { fields: [], rest: [] };
  const byField = new Map<Name, string[]>();
  const rest: FieldError[] = [];
  // A 400 names its fields in `errors`; a refusal of the ledger (403, 409, 422) names the one it concerns in `field`.
  // A refusal about a field the form does not show stays the form's message (not in `rest`).
  const { errors, field } = error.problem;
  if (!errors && field !== undefined && fields[field]) byField.set(fields[field], [error.message]);
  for (const e of errors ?? []) {
    const name = fields[e.path];
    if (name) byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else rest.push(e);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), rest };
}
