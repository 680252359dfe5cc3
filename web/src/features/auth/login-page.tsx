import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { ErrorBanner } from '../../components/alerts';
import { InputField } from '../../components/field';
import { byField, describeError, type FieldMessages } from '../../components/field-errors';
import { useServices } from '../../session/services';

function loginFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Usuario o contraseña incorrectos.';
  if (error instanceof ApiError && error.status === 429)
    return 'Demasiados intentos fallidos. Espere un momento antes de intentar de nuevo.';
  return describeError(error);
}

/** Signs in with the gateway; the app switches to the user's pages once the client has claims. */
export function LoginPage({ notice }: { notice?: string | undefined }) {
  const { client } = useServices();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [fields, setFields] = useState<FieldMessages>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string[]> = {};
    if (username.trim() === '') missing.username = ['Escriba su usuario.'];
    if (password === '') missing.password = ['Escriba su contraseña.'];
    setFields(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await client.login(username.trim(), password);
    } catch (error) {
      setFailure(loginFailure(error));
      if (error instanceof ApiError) setFields(byField(error.fieldErrors));
      setBusy(false);
    }
  }

  return (
    <main className="login" id="contenido">
      <h1>Arka</h1>
      <p className="login__subtitle">Consola de cotizaciones y solicitudes</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Iniciar sesión">
        {notice === undefined ? null : <p className="alert alert--info">{notice}</p>}
        {failure === undefined ? null : <ErrorBanner>{failure}</ErrorBanner>}
        <InputField
          id="username"
          label="Usuario"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          errors={fields.username}
          required
        />
        <InputField
          id="password"
          label="Contraseña"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={fields.password}
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Ingresando…' : 'Ingresar'}
        </button>
      </form>
    </main>
  );
}
