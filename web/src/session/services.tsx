import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Claims } from '../api/claims';
import type { ApiClient } from '../api/client';
import { cotizadorApi, type CotizadorApi } from '../api/cotizador-api';
import { gestorApi, type GestorApi } from '../api/gestor-api';

export interface Services {
  readonly client: ApiClient;
  readonly cotizador: CotizadorApi;
  readonly gestor: GestorApi;
}

const ServicesContext = createContext<Services | undefined>(undefined);

export function ServicesProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const services = useMemo(
    () => ({ client, cotizador: cotizadorApi(client), gestor: gestorApi(client) }),
    [client],
  );
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === undefined) throw new Error('useServices needs a ServicesProvider above it');
  return services;
}

/** The signed-in user's claims; re-renders on sign-in, sign-out and a failed refresh. */
export function useClaims(): Claims | undefined {
  const { client } = useServices();
  return useSyncExternalStore(
    (onChange) => client.subscribe(onChange),
    () => client.claims,
  );
}

/** The claims of a page that only renders for a signed-in user. */
export function useSignedIn(): Claims {
  const claims = useClaims();
  if (claims === undefined) throw new Error('this page renders only for a signed-in user');
  return claims;
}
