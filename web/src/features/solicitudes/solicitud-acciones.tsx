import { useState } from 'react';
import type { EstadoSolicitud, Solicitud } from '../../api/solicitudes-schemas';
import { ErrorBanner } from '../../components/alerts';
import { describeError } from '../../components/field-errors';
import { useServices } from '../../session/services';

/** The transitions purchasing may take from each state (DOMAIN.md); the API has the last word. */
function acciones(estado: EstadoSolicitud): { estado: EstadoSolicitud; texto: string }[] {
  const cancelar = { estado: 'CANCELADA' as const, texto: 'Cancelar' };
  if (estado === 'RESPONDIDA') return [{ estado: 'COMPLETADA', texto: 'Completar' }, cancelar];
  if (estado === 'PENDIENTE' || estado === 'ENVIADA') return [cancelar];
  return [];
}

/** Complete or cancel one request, for purchasing. */
export function SolicitudAcciones({ solicitud, onChanged }: { solicitud: Solicitud; onChanged: () => void }) {
  const { gestor } = useServices();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const posibles = acciones(solicitud.estado);
  if (posibles.length === 0) return null;

  async function change(estado: EstadoSolicitud) {
    setBusy(true);
    setFailure(undefined);
    try {
      await gestor.cambiarEstado(solicitud.id, estado);
      onChanged();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="actions"
      role="group"
      aria-label={`Acciones sobre la solicitud a ${solicitud.proveedorId}`}
    >
      {posibles.map((a) => (
        <button
          key={a.estado}
          type="button"
          disabled={busy}
          className={a.estado === 'COMPLETADA' ? 'primary' : undefined}
          onClick={() => void change(a.estado)}
          aria-label={`${a.texto} la solicitud a ${solicitud.proveedorId}`}
        >
          {a.texto}
        </button>
      ))}
      {failure === undefined ? null : <ErrorBanner>{failure}</ErrorBanner>}
    </div>
  );
}
