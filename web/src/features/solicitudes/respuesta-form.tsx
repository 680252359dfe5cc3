import { useState, type FormEvent } from 'react';
import { ESTADOS_RESPUESTA, type EstadoRespuesta, type Solicitud } from '../../api/solicitudes-schemas';
import { ProblemSummary, SuccessBanner } from '../../components/alerts';
import { InputField, SelectField, TextAreaField } from '../../components/field';
import { formProblem, type FormProblem } from '../../components/field-errors';
import { label } from '../../components/labels';
import { useServices } from '../../session/services';

/** What the console can tell before sending: an empty box must not become 0. */
function localErrors(estado: EstadoRespuesta, precio: string, dias: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (estado !== 'RECHAZADA' && precio.trim() === '') out.precioOfertado = ['Indique el precio ofertado.'];
  if (!/^\d+$/.test(dias.trim())) out.tiempoEntrega = ['Indique los días de entrega (un número entero).'];
  return out;
}

const FIELDS = new Set([
  'estado',
  'precioOfertado',
  'tiempoEntrega',
  'condicionesPago',
  'garantia',
  'observaciones',
]);

/** A supplier's offer for one request; answering again replaces its current offer. */
export function RespuestaForm({ solicitud, onAnswered }: { solicitud: Solicitud; onAnswered: () => void }) {
  const { gestor } = useServices();
  const [estado, setEstado] = useState<EstadoRespuesta>('ACEPTADA');
  const [precio, setPrecio] = useState('');
  const [dias, setDias] = useState('');
  const [condicionesPago, setCondiciones] = useState('');
  const [garantia, setGarantia] = useState('');
  const [observaciones, setObservaciones] = useState('');
  const [problem, setProblem] = useState<FormProblem | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const local = localErrors(estado, precio, dias);
    if (Object.keys(local).length > 0) {
      setProblem({ summary: 'Revise los campos marcados.', fields: local, other: [] });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const optional = (name: string, value: string) => (value.trim() === '' ? {} : { [name]: value.trim() });
    try {
      await gestor.responder({
        solicitudId: solicitud.id,
        proveedorId: solicitud.proveedorId,
        estado,
        // Sent as typed: the API names a missing, negative or over-precise amount beside the field.
        precioOfertado: precio.trim() === '' ? 0 : Number(precio),
        tiempoEntrega: Number(dias),
        ...optional('condicionesPago', condicionesPago),
        ...optional('garantia', garantia),
        ...optional('observaciones', observaciones),
      });
      setSent(true);
      onAnswered();
    } catch (error) {
      setProblem(formProblem(error, (f) => FIELDS.has(f)));
    } finally {
      setBusy(false);
    }
  }

  const f = problem?.fields ?? {};
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="titulo-responder">
      <h2 id="titulo-responder">Responder la solicitud</h2>
      {sent ? <SuccessBanner>Su oferta fue enviada.</SuccessBanner> : null}
      <ProblemSummary problem={problem} />
      <div className="grid">
        <SelectField
          id="estado"
          label="Respuesta"
          value={estado}
          onChange={(e) => setEstado(ESTADOS_RESPUESTA.find((s) => s === e.target.value) ?? 'ACEPTADA')}
          errors={f.estado}
        >
          {ESTADOS_RESPUESTA.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </SelectField>
        <InputField
          id="precioOfertado"
          label="Precio ofertado (COP)"
          inputMode="decimal"
          value={precio}
          onChange={(e) => setPrecio(e.target.value)}
          errors={f.precioOfertado}
        />
        <InputField
          id="tiempoEntrega"
          label="Tiempo de entrega (días)"
          inputMode="numeric"
          value={dias}
          onChange={(e) => setDias(e.target.value)}
          errors={f.tiempoEntrega}
        />
        <InputField
          id="condicionesPago"
          label="Condiciones de pago"
          value={condicionesPago}
          onChange={(e) => setCondiciones(e.target.value)}
          errors={f.condicionesPago}
        />
        <InputField
          id="garantia"
          label="Garantía"
          value={garantia}
          onChange={(e) => setGarantia(e.target.value)}
          errors={f.garantia}
        />
      </div>
      <TextAreaField
        id="observaciones"
        label="Observaciones (opcional)"
        rows={3}
        value={observaciones}
        onChange={(e) => setObservaciones(e.target.value)}
        errors={f.observaciones}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Enviando…' : 'Enviar oferta'}
      </button>
    </form>
  );
}
