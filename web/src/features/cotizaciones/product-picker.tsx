import { useState, type FormEvent } from 'react';
import type { Producto } from '../../api/schemas';
import { AsyncView } from '../../components/async-view';
import { formatInteger, formatMoney } from '../../components/format';
import { useAsync } from '../../components/use-async';
import { useServices } from '../../session/services';

/** Finds active products by name or SKU and hands the chosen one to the quote. */
export function ProductPicker({ onPick }: { onPick: (producto: Producto) => void }) {
  const { cotizador } = useServices();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const state = useAsync(() => cotizador.productos({ page: 0, size: 8, q }), q);

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(draft.trim());
  }

  return (
    <div className="panel">
      <h2 id="titulo-buscar">Agregar productos</h2>
      <form className="toolbar" role="search" aria-labelledby="titulo-buscar" onSubmit={search}>
        <label htmlFor="buscar-para-cotizar">Nombre o SKU</label>
        <input
          id="buscar-para-cotizar"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Buscar</button>
      </form>
      <AsyncView state={state}>
        {(page) => (
          <ul className="picker" aria-label="Resultados de la búsqueda">
            {page.content.length === 0 ? <li>No hay productos que coincidan.</li> : null}
            {page.content
              .filter((p) => p.activo)
              .map((p) => (
                <li key={p.id}>
                  <span>
                    <strong>{p.nombre}</strong> · {formatMoney(p.precio)} · stock {formatInteger(p.stock)}
                  </span>
                  <button type="button" onClick={() => onPick(p)} aria-label={`Agregar ${p.nombre}`}>
                    Agregar
                  </button>
                </li>
              ))}
          </ul>
        )}
      </AsyncView>
    </div>
  );
}
