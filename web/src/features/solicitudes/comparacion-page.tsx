import type { Solicitud } from '../../api/solicitudes-schemas';
import { AsyncView } from '../../components/async-view';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices } from '../../session/services';
import { ComparacionTable } from './comparacion-table';
import { SolicitudAcciones } from './solicitud-acciones';

/** One bulk send: each supplier's request with its state, and the comparison of their offers. */
export function ComparacionPage({ grupoId }: { grupoId: string }) {
  const { gestor } = useServices();
  const state = useAsync(async () => {
    const [comparacion, solicitudes] = await Promise.all([
      gestor.comparacion(grupoId),
      // At most 50 suppliers per send (DOMAIN.md), so one page of 50 holds the whole group.
      gestor.solicitudes({ page: 0, size: 50, grupoId }),
    ]);
    return { comparacion, solicitudes: solicitudes.content };
  }, grupoId);

  return (
    <section aria-labelledby="titulo-comparacion">
      <h1 id="titulo-comparacion">Comparación de ofertas</h1>
      <p className="muted">Envío {grupoId}</p>
      <button type="button" onClick={state.reload}>
        Actualizar
      </button>
      <AsyncView state={state}>
        {({ comparacion, solicitudes }) => (
          <>
            <ComparacionTable comparacion={comparacion} />
            <DataTable<Solicitud>
              caption="Solicitudes del envío"
              rows={solicitudes}
              rowKey={(s) => s.id}
              empty="Sin solicitudes."
              columns={[
                { header: 'Proveedor', cell: (s) => s.proveedorId },
                { header: 'Estado', cell: (s) => <Badge code={s.estado} /> },
                {
                  header: 'Detalle',
                  cell: (s) => <Link to={`/solicitudes/${s.id}`}>{`Solicitud a ${s.proveedorId}`}</Link>,
                },
                {
                  header: 'Acciones',
                  cell: (s) => <SolicitudAcciones solicitud={s} onChanged={state.reload} />,
                },
              ]}
            />
          </>
        )}
      </AsyncView>
    </section>
  );
}
