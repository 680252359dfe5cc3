import type { ReactNode } from 'react';
import { ErrorBanner } from './alerts';
import { describeError } from './field-errors';
import type { AsyncState } from './use-async';

/** Loading, failure or the loaded content of one request. */
export function AsyncView<T>({
  state,
  children,
}: {
  state: AsyncState<T>;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <p aria-busy="true">Cargando…</p>;
  if (state.status === 'error') return <ErrorBanner>{describeError(state.error)}</ErrorBanner>;
  return <>{children(state.data)}</>;
}
