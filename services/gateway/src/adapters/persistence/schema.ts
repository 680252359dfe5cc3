/** Row shapes of the gateway's tables (Kysely's view; the domain never sees them). */
export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  cliente_id: string | null;
  proveedor_id: string | null;
  created_at: string;
}

export interface RefreshFamilyRow {
  id: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface RefreshTokenRow {
  token_hash: string;
  family_id: string;
  user_id: string;
  parent_hash: string | null;
  issued_at: string;
  expires_at: string;
  spent_at: string | null;
}

export interface LoginAttemptRow {
  username: string;
  failures: number;
  last_failure_at: string | null;
  locked_until: string | null;
  version: number;
}

export interface GatewayDb {
  gateway_users: UserRow;
  gateway_refresh_families: RefreshFamilyRow;
  gateway_refresh_tokens: RefreshTokenRow;
  gateway_login_attempts: LoginAttemptRow;
}

/** Timestamps are stored as ISO-8601 UTC text: same bytes and ordering on both drivers. */
export const iso = (date: Date): string => date.toISOString();
export const optionalDate = (value: string | null): Date | undefined =>
  value === null ? undefined : new Date(value);
