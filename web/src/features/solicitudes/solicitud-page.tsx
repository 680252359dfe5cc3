import { hasRole } from '../../api/claims';
import { ApiError } from '../../api/problem';
import type { Solicitud } from '../../api/solicitudes-schemas';
import { AsyncView } from '../../components/async-view';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { formatDate, formatDateTime, formatInteger, formatMoney } from '../../components/format';
import { label } from '../../components/labels';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices, useSignedIn } from '../../session/services';
import { RespuestaForm } from './respuesta-form';
import { RespuestasTable } from './respuestas-table';
import { SolicitudAcciones } from './solicitud-acciones';

type Producto = Solicitud['productos'][number];

/** One request: what it asks, the answers so far, and the supplier's form or purchasing's actions. */
export function SolicitudPage({ id }: { id: string }) {
  const { gestor } = useServices();
  const claims = useSignedIn();
  const compras = hasRole(claims, 'COMPRAS', 'ADMIN');
  const state = useAsync(async () => {
    const [solicitud, respuestas] = await Promise.all([gestor.solicitud(id), gestor.respuestas(id)]);
    return { solicitud, respuestas };
  }, id);

  if (
    state.status === 'error' &&
    state.error instanceof ApiError &&
    [400, 404].includes(state.error.status)
  ) {
    return (
      <section aria-labelledby="titulo-solicitud">
        <h1 id="titulo-solicitud">Solicitud no encontrada</h1>
        <p>No existe una solicitud {id} a la que usted tenga acceso.</p>
        <Link to="/solicitudes">Volver a solicitudes</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="titulo-solicitud">
      <h1 id="titulo-solicitud">Solicitud de cotización</h1>
      <p className="muted">{id}</p>
      <AsyncView state={state}>
        {({ solicitud: s, respuestas }) => (
          <>
            <dl className="facts">
              <div>
                <dt>Estado</dt>
                <dd>
                  <Badge code={s.estado} />
                </dd>
              </div>
              <div>
                <dt>Proveedor</dt>
                <dd>{s.proveedorId}</dd>
              </div>
              <div>
                <dt>Tipo</dt>
                <dd>{label(s.tipoSolicitud)}</dd>
              </div>
              <div>
                <dt>Prioridad</dt>
                <dd>{label(s.prioridad)}</dd>
              </div>
              <div>
                <dt>Creada</dt>
                <dd>{formatDateTime(s.fechaCreacion)}</dd>
              </div>
              <div>
                <dt>Responder antes de</dt>
                <dd>{s.fechaLimiteRespuesta ? formatDate(s.fechaLimiteRespuesta) : 'Sin fecha límite'}</dd>
              </div>
            </dl>
            {s.observaciones ? <p>Observaciones: {s.observaciones}</p> : null}
            <DataTable<Producto>
              caption="Productos solicitados"
              rows={s.productos}
              rowKey={(p) => p.productoId}
              empty="Sin productos."
              columns={[
                { header: 'Código', cell: (p) => p.productoId },
                { header: 'Producto', cell: (p) => p.nombreProducto },
                { header: 'Cantidad', cell: (p) => formatInteger(p.cantidadSolicitada), numeric: true },
                {
                  header: 'Precio de referencia',
                  cell: (p) => (p.precioReferencia === undefined ? '—' : formatMoney(p.precioReferencia)),
                  numeric: true,
                },
                { header: 'Especificaciones', cell: (p) => p.especificaciones ?? '—' },
              ]}
            />
            <RespuestasTable respuestas={respuestas} />
            {compras ? <SolicitudAcciones solicitud={s} onChanged={state.reload} /> : null}
            {compras && s.grupoId ? (
              <Link to={`/solicitudes/grupos/${s.grupoId}`}>Comparar las ofertas del envío</Link>
            ) : null}
            {!compras && s.estado !== 'CANCELADA' && s.estado !== 'COMPLETADA' ? (
              <RespuestaForm solicitud={s} onAnswered={state.reload} />
            ) : null}
          </>
        )}
      </AsyncView>
      <p>
        <Link to="/solicitudes">Volver a solicitudes</Link>
      </p>
    </section>
  );
}
