/**
 * Where the refresh token lives between page loads. The console uses
 * sessionStorage: a reload keeps the user signed in, closing the tab forgets
 * the token, and other tabs never see it. Script injected into the page could
 * read it, but such script could equally call the API with the in-memory
 * access token, so memory-only storage would cost a login per reload for little
 * gain. The access token itself is never stored.
 */
export interface TokenStore {
  read(): string | undefined;
  write(token: string | undefined): void;
}

const KEY = 'arka.refreshToken';

export function sessionTokenStore(storage: Storage): TokenStore {
  return {
    read: () => storage.getItem(KEY) ?? undefined,
    write: (token) => (token === undefined ? storage.removeItem(KEY) : storage.setItem(KEY, token)),
  };
}

export function memoryTokenStore(initial?: string): TokenStore {
  let token = initial;
  return {
    read: () => token,
    write: (value) => {
      token = value;
    },
  };
}
