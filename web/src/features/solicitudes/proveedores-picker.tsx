import { AsyncView } from '../../components/async-view';
import { useAsync } from '../../components/use-async';
import { useServices } from '../../session/services';

interface Props {
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly errors: readonly string[] | undefined;
}

/** Check boxes for the active suppliers (the API allows at most 100 a page, the send at most 50). */
export function ProveedoresPicker({ selected, onChange, errors }: Props) {
  const { gestor } = useServices();
  const state = useAsync(() => gestor.proveedores({ page: 0, size: 100 }), 'proveedores');
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <fieldset
      className={invalid ? 'field field--invalid' : 'field'}
      aria-describedby={invalid ? 'proveedorIds-error' : undefined}
      aria-invalid={invalid}
      id="proveedorIds"
    >
      <legend>Proveedores a consultar</legend>
      <AsyncView state={state}>
        {(page) => (
          <ul className="checklist">
            {page.content
              .filter((p) => p.activo)
              .map((p) => (
                <li key={p.id} className="check">
                  <input
                    id={`proveedor-${p.id}`}
                    type="checkbox"
                    checked={selected.includes(p.id)}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))
                    }
                  />
                  <label htmlFor={`proveedor-${p.id}`}>
                    {p.nombre} ({p.id}) · {p.categoria}
                  </label>
                </li>
              ))}
          </ul>
        )}
      </AsyncView>
      {invalid ? (
        <ul className="field__errors" id="proveedorIds-error">
          {errors?.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
