import { useState, type FormEvent } from 'react';
import { hasRole } from '../../api/claims';
import type { Producto } from '../../api/schemas';
import { AsyncView } from '../../components/async-view';
import { DataTable, type Column } from '../../components/data-table';
import { formatInteger, formatMoney } from '../../components/format';
import { Pagination } from '../../components/pagination';
import { useAsync } from '../../components/use-async';
import { useServices, useSignedIn } from '../../session/services';
import { ProductoEditor } from './producto-editor';

const PAGE_SIZE = 20;

const columns: Column<Producto>[] = [
  { header: 'SKU', cell: (p) => p.sku },
  { header: 'Producto', cell: (p) => p.nombre },
  { header: 'Categoría', cell: (p) => p.categoria },
  { header: 'Precio', cell: (p) => formatMoney(p.precio), numeric: true },
  { header: 'Stock', cell: (p) => formatInteger(p.stock), numeric: true },
  { header: 'Estado', cell: (p) => (p.activo ? 'Activo' : 'Inactivo') },
];

/** The catalog with its stock; sales and admin also change prices and stock here. */
export function CatalogoPage() {
  const { cotizador } = useServices();
  const claims = useSignedIn();
  const staff = hasRole(claims, 'VENTAS', 'ADMIN');
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Producto | undefined>();
  const state = useAsync(() => cotizador.productos({ page, size: PAGE_SIZE, q }), `${page}|${q}`);

  function search(event: FormEvent) {
    event.preventDefault();
    setPage(0);
    setQ(draft.trim());
  }

  const editColumn: Column<Producto> = {
    header: 'Acciones',
    cell: (p) => (
      <button type="button" onClick={() => setEditing(p)} aria-label={`Editar ${p.nombre}`}>
        Editar
      </button>
    ),
  };

  return (
    <section aria-labelledby="titulo-catalogo">
      <h1 id="titulo-catalogo">Catálogo</h1>
      <form className="toolbar" role="search" onSubmit={search}>
        <label htmlFor="buscar-producto">Buscar producto</label>
        <input id="buscar-producto" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Buscar</button>
      </form>
      {editing === undefined ? null : (
        <ProductoEditor
          producto={editing}
          onDone={() => {
            setEditing(undefined);
            state.reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <AsyncView state={state}>
        {(data) => (
          <>
            <DataTable
              caption={q === '' ? 'Productos' : `Productos que coinciden con «${q}»`}
              columns={staff ? [...columns, editColumn] : columns}
              rows={data.content}
              rowKey={(p) => String(p.id)}
              empty="No hay productos que coincidan."
            />
            <Pagination label="productos" {...data} onPage={setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
