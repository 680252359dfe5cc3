import { authorize, clienteScope, hasAnyRole, type AccessTokenVerifier, type Principal } from '@arka/kernel';
import type { Actor } from '../../application/actor';
import type {
  Clock,
  CustomerRepository,
  IdGenerator,
  ProductRepository,
  QuoteRepository,
  UnitOfWork,
} from '../../application/ports';

/** What the routes need, built once by buildApp. */
export interface RouteContext {
  readonly products: ProductRepository;
  readonly customers: CustomerRepository;
  readonly quotes: QuoteRepository;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly salesEmail: string;
  readonly guards: Guards;
}

export interface Guards {
  /** ADMIN, VENTAS and CLIENTE: COMPRAS and PROVEEDOR have no cotizador access. */
  readonly anyCotizadorRole: ReturnType<typeof authorize>;
  /** ADMIN and VENTAS. */
  readonly staff: ReturnType<typeof authorize>;
}

export function createGuards(verifier: AccessTokenVerifier): Guards {
  return {
    anyCotizadorRole: authorize(verifier, 'ADMIN', 'VENTAS', 'CLIENTE'),
    staff: authorize(verifier, 'ADMIN', 'VENTAS'),
  };
}

export function actorOf(principal: Principal): Actor {
  const { confinedTo } = clienteScope(principal);
  return {
    ...(confinedTo === undefined ? {} : { confinedTo }),
    negotiatesPrices: hasAnyRole(principal, ['ADMIN', 'VENTAS']),
  };
}
