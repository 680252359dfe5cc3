import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { FetchLike } from '../../src/api/auth-api';
import type { Claims } from '../../src/api/claims';
import { ApiClient } from '../../src/api/client';
import { memoryTokenStore } from '../../src/api/token-store';
import { ServicesProvider } from '../../src/session/services';
import { fakeAccessToken } from './tokens';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/**
 * Renders `ui` with a client signed in as `claims` against `fetch`. The sign-in
 * goes through the client's own login against a one-off gateway, so the tokens
 * are exactly what a real login leaves.
 */
export async function renderSignedIn(
  ui: ReactNode,
  fetch: FetchLike,
  claims: Pick<Claims, 'sub' | 'roles'> & Partial<Claims>,
) {
  let loggedIn = false;
  const client = new ApiClient({
    store: memoryTokenStore(),
    fetch: (input, init) => {
      if (!loggedIn && input === '/auth/login') {
        loggedIn = true;
        const body = {
          accessToken: fakeAccessToken(claims),
          refreshToken: 'r1',
          tokenType: 'Bearer',
          expiresIn: 900,
        };
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      }
      return fetch(input, init);
    },
  });
  await client.login(claims.sub, 'x');
  const view = render(<ServicesProvider client={client}>{ui}</ServicesProvider>);
  return { ...view, client };
}
