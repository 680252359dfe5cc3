import { useState } from 'react';
import { hasRole } from '../../api/claims';
import { ESTADOS_COTIZACION, type Cotizacion, type EstadoCotizacion } from '../../api/schemas';
import { AsyncView } from '../../components/async-view';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDate, formatMoney } from '../../components/format';
import { label } from '../../components/labels';
import { Pagination } from '../../components/pagination';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices, useSignedIn } from '../../session/services';

const PAGE_SIZE = 10;

const columns: Column<Cotizacion>[] = [
  {
    header: 'Cotización',
    cell: (c) => <Link to={`/cotizaciones/${c.cotizacionId}`}>{`Ver ${c.cotizacionId.slice(0, 8)}`}</Link>,
  },
  { header: 'Cliente', cell: (c) => c.clienteId },
  { header: 'Fecha', cell: (c) => formatDate(c.fechaCotizacion) },
  { header: 'Vence', cell: (c) => formatDate(c.fechaVencimiento) },
  { header: 'Estado', cell: (c) => <Badge code={c.estado} /> },
  { header: 'Total', cell: (c) => formatMoney(c.total), numeric: true },
];

/** A customer's own quotes, or every quote for sales and admin (the API decides which). */
export function CotizacionesPage({ clienteInicial = '' }: { clienteInicial?: string }) {
  const { cotizador } = useServices();
  const claims = useSignedIn();
  const staff = hasRole(claims, 'VENTAS', 'ADMIN');
  const [page, setPage] = useState(0);
  const [estado, setEstado] = useState<EstadoCotizacion | ''>('');
  const [clienteId, setClienteId] = useState(clienteInicial);
  const filter = {
    page,
    size: PAGE_SIZE,
    ...(estado === '' ? {} : { estado }),
    ...(clienteId === '' ? {} : { clienteId }),
  };
  const state = useAsync(() => cotizador.cotizaciones(filter), JSON.stringify(filter));

  return (
    <section aria-labelledby="titulo-cotizaciones">
      <h1 id="titulo-cotizaciones">{staff ? 'Cotizaciones' : 'Mis cotizaciones'}</h1>
      <div className="toolbar">
        <label htmlFor="filtro-estado">Estado</label>
        <select
          id="filtro-estado"
          value={estado}
          onChange={(e) => {
            setPage(0);
            setEstado(ESTADOS_COTIZACION.find((s) => s === e.target.value) ?? '');
          }}
        >
          <option value="">Todos</option>
          {ESTADOS_COTIZACION.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
        {staff ? (
          <>
            <label htmlFor="filtro-cliente">Cliente</label>
            <input
              id="filtro-cliente"
              placeholder="CLI001"
              value={clienteId}
              onChange={(e) => {
                setPage(0);
                setClienteId(e.target.value.trim());
              }}
            />
          </>
        ) : null}
        <Link to="/cotizaciones/nueva" className="button primary">
          Nueva cotización
        </Link>
      </div>
      <AsyncView state={state}>
        {(data) => (
          <>
            <DataTable
              caption="Cotizaciones"
              columns={columns}
              rows={data.content}
              rowKey={(c) => c.cotizacionId}
              empty="No hay cotizaciones."
            />
            <Pagination label="cotizaciones" {...data} onPage={setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
