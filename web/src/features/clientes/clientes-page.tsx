import { useState } from 'react';
import type { Cliente } from '../../api/schemas';
import { AsyncView } from '../../components/async-view';
import { DataTable, type Column } from '../../components/data-table';
import { label } from '../../components/labels';
import { Pagination } from '../../components/pagination';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router/link';
import { useServices } from '../../session/services';

const PAGE_SIZE = 20;

const columns: Column<Cliente>[] = [
  { header: 'Código', cell: (c) => c.id },
  { header: 'Nombre', cell: (c) => c.nombre },
  { header: 'Tipo', cell: (c) => label(c.tipoCliente) },
  { header: 'Correo', cell: (c) => c.email },
  { header: 'Teléfono', cell: (c) => c.telefono },
  {
    header: 'Cotizaciones',
    cell: (c) => <Link to={`/clientes/${c.id}/cotizaciones`}>{`Cotizaciones de ${c.id}`}</Link>,
  },
];

/** Every customer, for sales and admin. */
export function ClientesPage() {
  const { cotizador } = useServices();
  const [page, setPage] = useState(0);
  const state = useAsync(() => cotizador.clientes({ page, size: PAGE_SIZE }), String(page));
  return (
    <section aria-labelledby="titulo-clientes">
      <h1 id="titulo-clientes">Clientes</h1>
      <AsyncView state={state}>
        {(data) => (
          <>
            <DataTable
              caption="Clientes"
              columns={columns}
              rows={data.content}
              rowKey={(c) => c.id}
              empty="No hay clientes."
            />
            <Pagination label="clientes" {...data} onPage={setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
