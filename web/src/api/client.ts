import type { z } from 'zod';
import { postJson, readTokenPair, type FetchLike, type TokenPair } from './auth-api';
import { decodeClaims, type Claims } from './claims';
import { ApiError, apiErrorFrom } from './problem';
import type { TokenStore } from './token-store';

export interface ApiClientOptions {
  readonly store: TokenStore;
  /** Prefix of every URL; empty when the console is served by the gateway itself. @default '' */
  readonly baseUrl?: string;
  /** @default globalThis.fetch */
  readonly fetch?: FetchLike;
  /** Milliseconds since the epoch. @default Date.now */
  readonly now?: () => number;
}

/** Refresh this long before the access token expires, so a call never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

type Listener = (claims: Claims | undefined) => void;
type Method = 'GET' | 'POST' | 'PUT';

/**
 * The console's only way to the gateway. Keeps the access token in memory,
 * refreshes it before it expires and once more after a 401, and never runs two
 * refreshes at once: the gateway spends a refresh token on first use and revokes
 * the whole family when a spent one comes back, so a second concurrent refresh
 * would sign the user out.
 */
export class ApiClient {
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly baseUrl: string;
  private accessToken: string | undefined;
  private expiresAt = 0;
  private current: Claims | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: ApiClientOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.baseUrl = options.baseUrl ?? '';
  }

  get claims(): Claims | undefined {
    return this.current;
  }

  /** Calls `listener` whenever the user signs in or out (including a refresh that fails). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(username: string, password: string): Promise<Claims> {
    const response = await postJson(this.fetchFn, `${this.baseUrl}/auth/login`, { username, password });
    return this.accept(await readTokenPair(response));
  }

  /** Signs in again from the stored refresh token after a reload; undefined when there is none or it is spent. */
  async restore(): Promise<Claims | undefined> {
    if (this.options.store.read() === undefined) return undefined;
    try {
      await this.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
    return this.current;
  }

  /** Revokes the refresh token at the gateway, then forgets both tokens even if the gateway could not be reached. */
  async logout(): Promise<void> {
    const refreshToken = this.options.store.read();
    try {
      if (refreshToken !== undefined) {
        const response = await postJson(this.fetchFn, `${this.baseUrl}/auth/logout`, { refreshToken });
        if (!response.ok && response.status !== 401) throw await apiErrorFrom(response);
      }
    } finally {
      this.clear();
    }
  }

  /** Calls the API and validates the answer with `schema`; a 204 is validated as `undefined`. */
  async request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    await this.ensureFresh();
    let sentWith = this.accessToken;
    let response = await this.send(method, path, body, sentWith);
    if (response.status === 401 && this.options.store.read() !== undefined) {
      // Another call may already have refreshed while this one was in flight.
      if (sentWith === this.accessToken) await this.refresh();
      sentWith = this.accessToken;
      response = await this.send(method, path, body, sentWith);
    }
    if (!response.ok) throw await apiErrorFrom(response);
    const payload: unknown = response.status === 204 ? undefined : await response.json();
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        'Respuesta inesperada',
        `La respuesta de ${path} no tiene la forma esperada.`,
        [],
        {
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    token: string | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new ApiError(0, 'Sin conexión', 'No se pudo contactar el servidor.', [], { cause });
    }
  }

  private async ensureFresh(): Promise<void> {
    if (this.options.store.read() === undefined) return;
    if (this.accessToken !== undefined && this.now() < this.expiresAt - EXPIRY_MARGIN_MS) return;
    await this.refresh();
  }

  /** Single flight: every caller during a refresh waits for the same one. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const refreshToken = this.options.store.read();
    if (refreshToken === undefined) throw new ApiError(401, 'Sesión terminada', 'Inicie sesión de nuevo.');
    const response = await postJson(this.fetchFn, `${this.baseUrl}/auth/refresh`, { refreshToken });
    if (response.status === 401) {
      this.clear();
      throw new ApiError(401, 'Sesión terminada', 'Su sesión expiró; inicie sesión de nuevo.');
    }
    this.accept(await readTokenPair(response));
  }

  private accept(pair: TokenPair): Claims {
    const claims = decodeClaims(pair.accessToken);
    if (claims === undefined)
      throw new ApiError(200, 'Respuesta inesperada', 'El token de acceso no se pudo leer.');
    this.accessToken = pair.accessToken;
    // The lifetime, not `exp`: a client clock that is off does not matter then.
    this.expiresAt = this.now() + pair.expiresIn * 1000;
    this.options.store.write(pair.refreshToken);
    this.setClaims(claims);
    return claims;
  }

  private clear(): void {
    this.accessToken = undefined;
    this.expiresAt = 0;
    this.options.store.write(undefined);
    this.setClaims(undefined);
  }

  private setClaims(claims: Claims | undefined): void {
    this.current = claims;
    for (const listener of this.listeners) listener(claims);
  }
}
