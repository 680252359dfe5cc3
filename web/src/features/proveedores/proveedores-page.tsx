import { useState } from 'react';
import type { Proveedor } from '../../api/solicitudes-schemas';
import { AsyncView } from '../../components/async-view';
import { DataTable, type Column } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { useAsync } from '../../components/use-async';
import { useServices } from '../../session/services';
import { ProveedorForm } from './proveedor-form';

const PAGE_SIZE = 20;

/** Suppliers, for purchasing and admin: list, create, edit. */
export function ProveedoresPage() {
  const { gestor } = useServices();
  const [page, setPage] = useState(0);
  // undefined: no form; null: a new supplier; a supplier: editing it.
  const [editing, setEditing] = useState<Proveedor | null | undefined>();
  const state = useAsync(() => gestor.proveedores({ page, size: PAGE_SIZE }), String(page));

  const columns: Column<Proveedor>[] = [
    { header: 'Código', cell: (p) => p.id },
    { header: 'Nombre', cell: (p) => p.nombre },
    { header: 'Categoría', cell: (p) => p.categoria },
    { header: 'Correo', cell: (p) => p.email },
    { header: 'Teléfono', cell: (p) => p.telefono },
    { header: 'Estado', cell: (p) => (p.activo ? 'Activo' : 'Inactivo') },
    {
      header: 'Acciones',
      cell: (p) => (
        <button type="button" onClick={() => setEditing(p)} aria-label={`Editar ${p.nombre}`}>
          Editar
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="titulo-proveedores">
      <h1 id="titulo-proveedores">Proveedores</h1>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing(null)}>
          Nuevo proveedor
        </button>
      </div>
      {editing === undefined ? null : (
        <ProveedorForm
          key={editing?.id ?? 'nuevo'}
          proveedor={editing ?? undefined}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            state.reload();
          }}
        />
      )}
      <AsyncView state={state}>
        {(data) => (
          <>
            <DataTable
              caption="Proveedores"
              columns={columns}
              rows={data.content}
              rowKey={(p) => p.id}
              empty="No hay proveedores."
            />
            <Pagination label="proveedores" {...data} onPage={setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
