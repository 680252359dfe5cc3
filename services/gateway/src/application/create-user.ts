import { randomUUID } from 'node:crypto';
import { normalizeUsername, userRequestProblems, type NewUserRequest, type User } from '../domain/user';
import type { Clock, PasswordHasher, UserRepository } from './ports';

export const MIN_PASSWORD_LENGTH = 8;

export type CreateUserResult =
  | { readonly kind: 'created'; readonly user: User }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] }
  | { readonly kind: 'username-taken' };

export type CreateUser = (
  request: NewUserRequest & { readonly password: string },
) => Promise<CreateUserResult>;

export function createCreateUser(deps: {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
}): CreateUser {
  return async (request) => {
    const problems = userRequestProblems(request);
    if ([...request.password].length < MIN_PASSWORD_LENGTH) {
      problems.push(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    if (problems.length > 0) return { kind: 'invalid', problems };
    // Checked first only to skip a costly hash; add() still enforces uniqueness.
    if (await deps.users.findByUsername(normalizeUsername(request.username)))
      return { kind: 'username-taken' };
    const user: User = {
      id: randomUUID(),
      username: normalizeUsername(request.username),
      passwordHash: await deps.hasher.hash(request.password),
      role: request.role,
      ...(request.clienteId ? { clienteId: request.clienteId } : {}),
      ...(request.proveedorId ? { proveedorId: request.proveedorId } : {}),
      createdAt: deps.clock(),
    };
    const outcome = await deps.users.add(user);
    return outcome === 'created' ? { kind: 'created', user } : { kind: 'username-taken' };
  };
}
