import { InputField } from '../../components/field';
import type { FieldMessages } from '../../components/field-errors';
import type { LineaEnvio } from './envio-draft';

interface EnvioLineasProps {
  readonly lineas: readonly LineaEnvio[];
  readonly errors: FieldMessages;
  readonly onChange: (index: number, linea: LineaEnvio) => void;
  readonly onRemove: (index: number) => void;
}

/** The products a request asks for; each input carries its API field path as id. */
export function EnvioLineas({ lineas, errors, onChange, onRemove }: EnvioLineasProps) {
  return (
    <ol className="lines">
      {lineas.map((l, i) => {
        const at = (field: keyof LineaEnvio) => `productos[${i}].${field}`;
        const set = (field: keyof LineaEnvio, value: string) => onChange(i, { ...l, [field]: value });
        return (
          // Lines have no identity of their own before they are sent; the index is it.
          <li key={i} className="lines__item lines__item--wide">
            <InputField
              id={at('productoId')}
              label={`Código del producto ${i + 1}`}
              value={l.productoId}
              onChange={(e) => set('productoId', e.target.value)}
              errors={errors[at('productoId')]}
            />
            <InputField
              id={at('nombreProducto')}
              label={`Nombre del producto ${i + 1}`}
              value={l.nombreProducto}
              onChange={(e) => set('nombreProducto', e.target.value)}
              errors={errors[at('nombreProducto')]}
            />
            <InputField
              id={at('cantidadSolicitada')}
              label={`Cantidad del producto ${i + 1}`}
              inputMode="numeric"
              value={l.cantidadSolicitada}
              onChange={(e) => set('cantidadSolicitada', e.target.value)}
              errors={errors[at('cantidadSolicitada')]}
            />
            <InputField
              id={at('precioReferencia')}
              label={`Precio de referencia ${i + 1} (opcional)`}
              inputMode="decimal"
              value={l.precioReferencia}
              onChange={(e) => set('precioReferencia', e.target.value)}
              errors={errors[at('precioReferencia')]}
            />
            {lineas.length > 1 ? (
              <button type="button" onClick={() => onRemove(i)} aria-label={`Quitar el producto ${i + 1}`}>
                Quitar
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
