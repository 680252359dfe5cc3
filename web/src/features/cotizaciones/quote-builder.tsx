import { useState, type FormEvent } from 'react';
import { hasRole } from '../../api/claims';
import type { Producto } from '../../api/schemas';
import { ProblemSummary } from '../../components/alerts';
import { InputField, TextAreaField } from '../../components/field';
import {
  formProblem,
  mergeMessages,
  type FieldMessages,
  type FormProblem,
} from '../../components/field-errors';
import { navigate } from '../../router/hash-router';
import { useServices, useSignedIn } from '../../session/services';
import { ProductPicker } from './product-picker';
import { addProduct, toRequest, validateDraft, type DraftLine } from './quote-draft';
import { QuoteLines } from './quote-lines';

const shown = (field: string) =>
  field === 'clienteId' ||
  field === 'observaciones' ||
  field === 'productos' ||
  /^productos\[\d+\]\./.test(field);

function without(messages: FieldMessages, field: string): FieldMessages {
  const { [field]: _dropped, ...rest } = messages;
  return rest;
}

/**
 * Builds a quote: checks every rule it can as the user types, sends it, and
 * shows what the API still refuses beside the field the API names.
 */
export function QuoteBuilder() {
  const { cotizador } = useServices();
  const claims = useSignedIn();
  const forCustomer = hasRole(claims, 'CLIENTE') && !hasRole(claims, 'VENTAS', 'ADMIN');
  const [clienteId, setClienteId] = useState(forCustomer ? (claims.clienteId ?? '') : '');
  const [observaciones, setObservaciones] = useState('');
  const [lines, setLines] = useState<readonly DraftLine[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<FormProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const draft = { clienteId, observaciones, lines };
  const live = validateDraft(draft);
  // Before the first submit only the fields the user touched speak up: an empty quote is not yet an error.
  const visibleLive = attempted ? live : without(without(live, 'productos'), 'clienteId');
  const errors = mergeMessages(visibleLive, server?.fields ?? {});

  function changeServer(update: (fields: FieldMessages) => FieldMessages) {
    setServer((s) => (s === undefined ? s : { ...s, fields: update(s.fields) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(live).length > 0) return;
    setBusy(true);
    setServer(undefined);
    try {
      const quote = await cotizador.crearCotizacion(toRequest(draft));
      navigate(`/cotizaciones/${quote.cotizacionId}`);
    } catch (error) {
      setServer(formProblem(error, shown));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="titulo-nueva">
      <h1 id="titulo-nueva">Nueva cotización</h1>
      <ProductPicker onPick={(p: Producto) => setLines((current) => addProduct(current, p))} />
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="titulo-lineas">
        <h2 id="titulo-lineas">Productos de la cotización</h2>
        <ProblemSummary problem={server} />
        {forCustomer ? (
          <p>
            Cliente: <strong>{clienteId}</strong>
          </p>
        ) : (
          <InputField
            id="clienteId"
            label="Cliente (código)"
            value={clienteId}
            placeholder="CLI001"
            onChange={(e) => {
              setClienteId(e.target.value.trim());
              changeServer((f) => without(f, 'clienteId'));
            }}
            errors={errors.clienteId}
          />
        )}
        {errors.productos === undefined ? null : (
          <ul className="field__errors" id="productos-error">
            {errors.productos.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {lines.length === 0 ? (
          <p className="empty">Todavía no hay productos: búsquelos arriba y agréguelos.</p>
        ) : null}
        <QuoteLines
          lines={lines}
          errors={errors}
          onCantidad={(i, cantidad) => {
            setLines((current) => current.map((l, j) => (j === i ? { ...l, cantidad } : l)));
            changeServer((f) => without(f, `productos[${i}].cantidad`));
          }}
          onRemove={(i) => {
            setLines((current) => current.filter((_, j) => j !== i));
            // Indices shift: the API's line errors no longer point at the right rows.
            setServer(undefined);
          }}
        />
        <TextAreaField
          id="observaciones"
          label="Observaciones (opcional)"
          value={observaciones}
          onChange={(e) => setObservaciones(e.target.value)}
          errors={errors.observaciones}
          rows={3}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Cotizando…' : 'Solicitar cotización'}
        </button>
      </form>
    </section>
  );
}
