import { useState, type FormEvent } from 'react';
import type { Producto } from '../../api/schemas';
import { ProblemSummary } from '../../components/alerts';
import { InputField } from '../../components/field';
import { formProblem, type FormProblem } from '../../components/field-errors';
import { useServices } from '../../session/services';

const FIELDS = new Set(['precio', 'stock', 'activo']);

/** Changes a product's price, stock and whether it can be quoted. */
export function ProductoEditor(props: { producto: Producto; onDone: () => void; onCancel: () => void }) {
  const { cotizador } = useServices();
  const { producto } = props;
  const [precio, setPrecio] = useState(producto.precio.toFixed(2));
  const [stock, setStock] = useState(String(producto.stock));
  const [activo, setActivo] = useState(producto.activo);
  const [problem, setProblem] = useState<FormProblem | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    // An empty box must not become 0; everything else is the API's to judge.
    const local: Record<string, string[]> = {};
    if (precio.trim() === '') local.precio = ['Indique el precio.'];
    if (!/^\d+$/.test(stock.trim())) local.stock = ['Indique el stock (un número entero).'];
    if (Object.keys(local).length > 0) {
      setProblem({ summary: 'Revise los campos marcados.', fields: local, other: [] });
      return;
    }
    setBusy(true);
    try {
      // Numbers go as typed; the API refuses more than two decimals or a negative stock, beside the field.
      await cotizador.actualizarProducto(producto.id, {
        precio: Number(precio),
        stock: Number(stock),
        activo,
      });
      props.onDone();
    } catch (error) {
      setProblem(formProblem(error, (f) => FIELDS.has(f)));
      setBusy(false);
    }
  }

  return (
    <form
      className="panel"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-labelledby="titulo-editar-producto"
    >
      <h2 id="titulo-editar-producto">Editar {producto.nombre}</h2>
      <ProblemSummary problem={problem} />
      <div className="grid">
        <InputField
          id="precio"
          label="Precio (COP)"
          inputMode="decimal"
          value={precio}
          onChange={(e) => setPrecio(e.target.value)}
          errors={problem?.fields.precio}
        />
        <InputField
          id="stock"
          label="Stock (unidades)"
          inputMode="numeric"
          value={stock}
          onChange={(e) => setStock(e.target.value)}
          errors={problem?.fields.stock}
        />
      </div>
      <div className="check">
        <input id="activo" type="checkbox" checked={activo} onChange={(e) => setActivo(e.target.checked)} />
        <label htmlFor="activo">Activo (se puede cotizar)</label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Guardar
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
