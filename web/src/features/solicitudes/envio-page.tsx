import { useState, type FormEvent } from 'react';
import { PRIORIDADES, TIPOS_SOLICITUD } from '../../api/solicitudes-schemas';
import { ProblemSummary } from '../../components/alerts';
import { InputField, SelectField, TextAreaField } from '../../components/field';
import { formProblem, mergeMessages, type FormProblem } from '../../components/field-errors';
import { label } from '../../components/labels';
import { navigate } from '../../router/hash-router';
import { useServices } from '../../session/services';
import { lineaVacia, toBorrador, validateEnvio, type EnvioDraft } from './envio-draft';
import { EnvioLineas } from './envio-lineas';
import { ProveedoresPicker } from './proveedores-picker';

const SHOWN =
  /^(proveedorIds|tipoSolicitud|prioridad|observaciones|fechaLimiteRespuesta|productos(\[\d+\]\.\w+)?)$/;

/** One request for quotation sent to several suppliers at once; they share a group to compare. */
export function EnvioPage() {
  const { gestor } = useServices();
  const [draft, setDraft] = useState<EnvioDraft>({
    proveedorIds: [],
    tipoSolicitud: 'COTIZACION',
    prioridad: 'MEDIA',
    observaciones: '',
    fechaLimite: '',
    productos: [lineaVacia],
  });
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<FormProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const live = validateEnvio(draft);
  const errors = mergeMessages(attempted ? live : {}, problem?.fields ?? {});
  const update = (change: Partial<EnvioDraft>) => setDraft((d) => ({ ...d, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(live).length > 0) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const envio = await gestor.enviarMultiple(draft.proveedorIds, toBorrador(draft));
      navigate(`/solicitudes/grupos/${envio.grupoId}`);
    } catch (error) {
      setProblem(formProblem(error, (f) => SHOWN.test(f)));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="titulo-envio">
      <h1 id="titulo-envio">Nueva solicitud a varios proveedores</h1>
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="titulo-envio">
        <ProblemSummary problem={problem} />
        <ProveedoresPicker
          selected={draft.proveedorIds}
          onChange={(proveedorIds) => update({ proveedorIds })}
          errors={errors.proveedorIds}
        />
        <div className="grid">
          <SelectField
            id="tipoSolicitud"
            label="Tipo de solicitud"
            value={draft.tipoSolicitud}
            onChange={(e) =>
              update({ tipoSolicitud: TIPOS_SOLICITUD.find((t) => t === e.target.value) ?? 'COTIZACION' })
            }
            errors={errors.tipoSolicitud}
          >
            {TIPOS_SOLICITUD.map((t) => (
              <option key={t} value={t}>
                {label(t)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="prioridad"
            label="Prioridad"
            value={draft.prioridad}
            onChange={(e) => update({ prioridad: PRIORIDADES.find((p) => p === e.target.value) ?? 'MEDIA' })}
            errors={errors.prioridad}
          >
            {PRIORIDADES.map((p) => (
              <option key={p} value={p}>
                {label(p)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="fechaLimiteRespuesta"
            label="Responder a más tardar (opcional)"
            type="date"
            value={draft.fechaLimite}
            onChange={(e) => update({ fechaLimite: e.target.value })}
            errors={errors.fechaLimiteRespuesta}
          />
        </div>
        <h2>Productos solicitados</h2>
        {errors.productos === undefined ? null : (
          <ul className="field__errors">
            {errors.productos.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <EnvioLineas
          lineas={draft.productos}
          errors={errors}
          onChange={(i, linea) => update({ productos: draft.productos.map((l, j) => (j === i ? linea : l)) })}
          onRemove={(i) => {
            update({ productos: draft.productos.filter((_, j) => j !== i) });
            setProblem(undefined);
          }}
        />
        <button type="button" onClick={() => update({ productos: [...draft.productos, lineaVacia] })}>
          Agregar producto
        </button>
        <TextAreaField
          id="observaciones"
          label="Observaciones (opcional)"
          rows={3}
          value={draft.observaciones}
          onChange={(e) => update({ observaciones: e.target.value })}
          errors={errors.observaciones}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Enviando…' : `Enviar a ${draft.proveedorIds.length} proveedor(es)`}
        </button>
      </form>
    </section>
  );
}
