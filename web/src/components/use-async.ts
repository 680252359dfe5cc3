import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly data: T }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Runs `load` whenever `key` changes and keeps the newest answer only: an older
 * request that finishes late (a quick page change) is ignored. A `reload` keeps
 * showing the current data until the new answer arrives, so forms on the page
 * keep their state and messages.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
): AsyncState<T> & { reload: () => void; replace: (data: T) => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadedKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    if (loadedKey.current !== key) setState({ status: 'loading' });
    loadedKey.current = key;
    load().then(
      (data) => current && setState({ status: 'ok', data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` names what it loads.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  /** Shows data the API just answered with (e.g. after a change) without asking again. */
  const replace = useCallback((data: T) => setState({ status: 'ok', data }), []);
  return { ...state, reload, replace };
}
