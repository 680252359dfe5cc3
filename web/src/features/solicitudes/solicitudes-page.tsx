import { useState } from 'react';
import { hasRole } from '../../api/claims';
import { ESTADOS_SOLICITUD, type EstadoSolicitud, type Solicitud } from '../../api/solicitudes-schemas';
import { AsyncView } from '../../components/async-view';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime } from '../../components/format';
import { label } from '../../components/labels';
import { Pagination } from '../../components/pagination';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices, useSignedIn } from '../../session/services';

const PAGE_SIZE = 10;

/** Requests for quotation: all of them for purchasing, a supplier's own for a supplier (the API scopes it). */
export function SolicitudesPage() {
  const { gestor } = useServices();
  const claims = useSignedIn();
  const compras = hasRole(claims, 'COMPRAS', 'ADMIN');
  const [page, setPage] = useState(0);
  const [estado, setEstado] = useState<EstadoSolicitud | ''>('');
  const filter = { page, size: PAGE_SIZE, ...(estado === '' ? {} : { estado }) };
  const state = useAsync(() => gestor.solicitudes(filter), JSON.stringify(filter));

  const columns: Column<Solicitud>[] = [
    {
      header: 'Solicitud',
      cell: (s) => <Link to={`/solicitudes/${s.id}`}>{`Ver ${s.id.slice(0, 8)}`}</Link>,
    },
    { header: 'Proveedor', cell: (s) => s.proveedorId },
    { header: 'Tipo', cell: (s) => label(s.tipoSolicitud) },
    { header: 'Prioridad', cell: (s) => label(s.prioridad) },
    { header: 'Estado', cell: (s) => <Badge code={s.estado} /> },
    { header: 'Creada', cell: (s) => formatDateTime(s.fechaCreacion) },
    { header: 'Productos', cell: (s) => s.productos.map((p) => p.nombreProducto).join(', ') },
  ];
  const grupo: Column<Solicitud> = {
    header: 'Envío',
    cell: (s) => (s.grupoId ? <Link to={`/solicitudes/grupos/${s.grupoId}`}>Comparar ofertas</Link> : '—'),
  };

  return (
    <section aria-labelledby="titulo-solicitudes">
      <h1 id="titulo-solicitudes">{compras ? 'Solicitudes de cotización' : 'Mis solicitudes'}</h1>
      <div className="toolbar">
        <label htmlFor="filtro-estado-solicitud">Estado</label>
        <select
          id="filtro-estado-solicitud"
          value={estado}
          onChange={(e) => {
            setPage(0);
            setEstado(ESTADOS_SOLICITUD.find((s) => s === e.target.value) ?? '');
          }}
        >
          <option value="">Todos</option>
          {ESTADOS_SOLICITUD.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
        {compras ? (
          <Link to="/solicitudes/nueva" className="button primary">
            Nueva solicitud
          </Link>
        ) : null}
      </div>
      <AsyncView state={state}>
        {(data) => (
          <>
            <DataTable
              caption="Solicitudes"
              columns={compras ? [...columns, grupo] : columns}
              rows={data.content}
              rowKey={(s) => s.id}
              empty="No hay solicitudes."
            />
            <Pagination label="solicitudes" {...data} onPage={setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
