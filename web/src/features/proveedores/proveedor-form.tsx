import { useState, type FormEvent } from 'react';
import type { Proveedor } from '../../api/solicitudes-schemas';
import { ProblemSummary } from '../../components/alerts';
import { InputField } from '../../components/field';
import { formProblem, type FormProblem } from '../../components/field-errors';
import { useServices } from '../../session/services';

const FIELDS = new Set(['id', 'nombre', 'categoria', 'email', 'telefono', 'activo']);

interface ProveedorFormProps {
  /** The supplier to edit; a new one is created when omitted. */
  readonly proveedor?: Proveedor | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Creates or edits a supplier; the API's rules (id pattern, E.164 phone) come back beside each field. */
export function ProveedorForm({ proveedor, onDone, onCancel }: ProveedorFormProps) {
  const { gestor } = useServices();
  const [id, setId] = useState(proveedor?.id ?? '');
  const [nombre, setNombre] = useState(proveedor?.nombre ?? '');
  const [categoria, setCategoria] = useState(proveedor?.categoria ?? '');
  const [email, setEmail] = useState(proveedor?.email ?? '');
  const [telefono, setTelefono] = useState(proveedor?.telefono ?? '');
  const [activo, setActivo] = useState(proveedor?.activo ?? true);
  const [problem, setProblem] = useState<FormProblem | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const datos = { nombre, categoria, email, telefono, activo };
    try {
      if (proveedor === undefined) await gestor.crearProveedor({ id, ...datos });
      else await gestor.actualizarProveedor(proveedor.id, datos);
      onDone();
    } catch (error) {
      setProblem(formProblem(error, (f) => FIELDS.has(f)));
      setBusy(false);
    }
  }

  const f = problem?.fields ?? {};
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-labelledby="titulo-proveedor">
      <h2 id="titulo-proveedor">
        {proveedor === undefined ? 'Nuevo proveedor' : `Editar ${proveedor.nombre}`}
      </h2>
      <ProblemSummary problem={problem} />
      <div className="grid">
        {proveedor === undefined ? (
          <InputField
            id="id"
            label="Código"
            placeholder="PROV004"
            value={id}
            onChange={(e) => setId(e.target.value.trim())}
            errors={f.id}
          />
        ) : null}
        <InputField
          id="nombre"
          label="Nombre"
          value={nombre}
          onChange={(e) => setNombre(e.target.value)}
          errors={f.nombre}
        />
        <InputField
          id="categoria"
          label="Categoría"
          value={categoria}
          onChange={(e) => setCategoria(e.target.value)}
          errors={f.categoria}
        />
        <InputField
          id="email"
          label="Correo"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={f.email}
        />
        <InputField
          id="telefono"
          label="Teléfono"
          type="tel"
          value={telefono}
          hint="Formato internacional, p. ej. +573001234567"
          onChange={(e) => setTelefono(e.target.value.trim())}
          errors={f.telefono}
        />
      </div>
      <div className="check">
        <input id="activo" type="checkbox" checked={activo} onChange={(e) => setActivo(e.target.checked)} />
        <label htmlFor="activo">Activo (puede recibir solicitudes)</label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Guardar
        </button>
        <button type="button" onClick={onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
