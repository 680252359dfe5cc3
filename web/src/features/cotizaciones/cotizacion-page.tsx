import { useState } from 'react';
import { ApiError } from '../../api/problem';
import type { EstadoCotizacion } from '../../api/schemas';
import { ErrorBanner, SuccessBanner } from '../../components/alerts';
import { describeError } from '../../components/field-errors';
import { label } from '../../components/labels';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices } from '../../session/services';
import { CotizacionView } from './cotizacion-view';

const ACCIONES: readonly { estado: EstadoCotizacion; texto: string }[] = [
  { estado: 'APROBADA', texto: 'Aprobar' },
  { estado: 'RECHAZADA', texto: 'Rechazar' },
  { estado: 'CANCELADA', texto: 'Cancelar cotización' },
];

/** One quote; while PENDIENTE, its customer (or staff) approves, rejects or cancels it. */
export function CotizacionPage({ id }: { id: string }) {
  const { cotizador } = useServices();
  const state = useAsync(() => cotizador.cotizacion(id), id);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  async function change(estado: EstadoCotizacion) {
    setBusy(true);
    setOutcome(undefined);
    try {
      state.replace(await cotizador.cambiarEstado(id, estado));
      setOutcome({ ok: true, text: `La cotización quedó ${label(estado).toLowerCase()}.` });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  if (
    state.status === 'error' &&
    state.error instanceof ApiError &&
    [400, 404].includes(state.error.status)
  ) {
    return (
      <section aria-labelledby="titulo-cotizacion">
        <h1 id="titulo-cotizacion">Cotización no encontrada</h1>
        <p>No existe una cotización {id} a la que usted tenga acceso.</p>
        <Link to="/cotizaciones">Volver a cotizaciones</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="titulo-cotizacion">
      <h1 id="titulo-cotizacion">Cotización</h1>
      <p className="muted">{id}</p>
      {outcome === undefined ? null : outcome.ok ? (
        <SuccessBanner>{outcome.text}</SuccessBanner>
      ) : (
        <ErrorBanner>{outcome.text}</ErrorBanner>
      )}
      {state.status === 'loading' ? <p aria-busy="true">Cargando…</p> : null}
      {state.status === 'error' ? <ErrorBanner>{describeError(state.error)}</ErrorBanner> : null}
      {state.status === 'ok' ? (
        <>
          <CotizacionView cotizacion={state.data} />
          {state.data.estado === 'PENDIENTE' ? (
            <div className="actions" role="group" aria-label="Decidir sobre la cotización">
              {ACCIONES.map((a) => (
                <button
                  key={a.estado}
                  type="button"
                  className={a.estado === 'APROBADA' ? 'primary' : undefined}
                  disabled={busy}
                  onClick={() => void change(a.estado)}
                >
                  {a.texto}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to="/cotizaciones">Volver a cotizaciones</Link>
      </p>
    </section>
  );
}
