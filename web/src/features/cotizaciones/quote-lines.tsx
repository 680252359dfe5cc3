import { InputField } from '../../components/field';
import type { FieldMessages } from '../../components/field-errors';
import { formatMoney } from '../../components/format';
import { stockHint, type DraftLine } from './quote-draft';

interface QuoteLinesProps {
  readonly lines: readonly DraftLine[];
  readonly errors: FieldMessages;
  readonly onCantidad: (index: number, cantidad: string) => void;
  readonly onRemove: (index: number) => void;
}

/** The lines of a quote being built: one quantity field per product, its errors beside it. */
export function QuoteLines({ lines, errors, onCantidad, onRemove }: QuoteLinesProps) {
  return (
    <ol className="lines">
      {lines.map((line, i) => {
        const productErrors = errors[`productos[${i}].productoId`] ?? [];
        return (
          <li key={line.producto.id} className="lines__item">
            <div className="lines__product">
              <strong>{line.producto.nombre}</strong>
              <span>
                {line.producto.sku} · {formatMoney(line.producto.precio)} c/u
              </span>
              {productErrors.length > 0 ? (
                <ul className="field__errors" id={`productos[${i}].productoId-error`}>
                  {productErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            <InputField
              id={`productos[${i}].cantidad`}
              label={`Cantidad de ${line.producto.nombre}`}
              inputMode="numeric"
              value={line.cantidad}
              onChange={(e) => onCantidad(i, e.target.value)}
              errors={errors[`productos[${i}].cantidad`]}
              hint={stockHint(line.producto, line.cantidad)}
            />
            <button type="button" onClick={() => onRemove(i)} aria-label={`Quitar ${line.producto.nombre}`}>
              Quitar
            </button>
          </li>
        );
      })}
    </ol>
  );
}
