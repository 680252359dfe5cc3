import { useEffect, useRef, useState } from 'react';
import { hasRole, type Claims } from './api/claims';
import { LoginPage } from './features/auth/login-page';
import { label } from './components/labels';
import { matchPath, useCurrentPath } from './router/hash-router';
import { Link } from './router/link';
import { ROUTES } from './routes';
import { useClaims, useServices } from './session/services';

/** The page a role lands on at `/`: the first menu entry it may see. */
function homeOf(claims: Claims): string {
  const first = ROUTES.find((r) => r.menu !== undefined && hasRole(claims, ...r.roles));
  return first?.pattern ?? '/';
}

function Page({ claims, path }: { claims: Claims; path: string }) {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params === undefined) continue;
    if (!hasRole(claims, ...route.roles)) break;
    return <>{route.render(params)}</>;
  }
  return (
    <section aria-labelledby="titulo-404">
      <h1 id="titulo-404">Página no encontrada</h1>
      <p>Esta página no existe o su usuario no tiene acceso a ella.</p>
      <Link to={homeOf(claims)}>Ir al inicio</Link>
    </section>
  );
}

function Shell({ claims, onLogout }: { claims: Claims; onLogout: () => void }) {
  const path = useCurrentPath();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to its content, as a page load would for a screen reader.
  useEffect(() => main.current?.focus(), [path]);
  const menu = ROUTES.filter((r) => r.menu !== undefined && hasRole(claims, ...r.roles));
  const who = claims.clienteId ?? claims.proveedorId;

  return (
    <>
      <a className="skip" href="#contenido" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Saltar al contenido
      </a>
      <header className="top">
        <span className="brand">Arka</span>
        <nav aria-label="Principal">
          <ul>
            {menu.map((r) => (
              <li key={r.pattern}>
                <Link to={r.pattern}>{r.menu}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <span>
            {claims.sub} · {claims.roles.map(label).join(', ')}
            {who === undefined ? '' : ` · ${who}`}
          </span>
          <button type="button" onClick={onLogout}>
            Cerrar sesión
          </button>
        </div>
      </header>
      <main id="contenido" ref={main} tabIndex={-1}>
        <Page claims={claims} path={path === '/' ? homeOf(claims) : path} />
      </main>
    </>
  );
}

/** Signed in: the user's pages; signed out: the login, saying why when the session ended by itself. */
export function App() {
  const { client } = useServices();
  const claims = useClaims();
  const [notice, setNotice] = useState<string | undefined>();
  const wasSignedIn = useRef(claims !== undefined);
  const leaving = useRef(false);
  useEffect(() => {
    const unsubscribe = client.subscribe((next) => {
      if (next === undefined && wasSignedIn.current)
        setNotice(leaving.current ? 'Sesión cerrada.' : 'Su sesión terminó. Inicie sesión de nuevo.');
      leaving.current = false;
      if (next !== undefined) setNotice(undefined);
      wasSignedIn.current = next !== undefined;
    });
    return unsubscribe;
  }, [client]);
  if (claims === undefined) return <LoginPage notice={notice} />;
  const logout = () => {
    leaving.current = true;
    void client.logout();
  };
  return <Shell claims={claims} onLogout={logout} />;
}
