import type { Cotizacion } from '../../api/schemas';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { formatDate, formatDays, formatInteger, formatMoney } from '../../components/format';
import { label } from '../../components/labels';

type Linea = Cotizacion['productos'][number];

/** The priced quote exactly as the API computed it: the console formats, it never recomputes. */
export function CotizacionView({ cotizacion: c }: { cotizacion: Cotizacion }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Estado</dt>
          <dd>
            <Badge code={c.estado} />
          </dd>
        </div>
        <div>
          <dt>Cliente</dt>
          <dd>
            {c.clienteId} ({label(c.tipoCliente)})
          </dd>
        </div>
        <div>
          <dt>Fecha</dt>
          <dd>{formatDate(c.fechaCotizacion)}</dd>
        </div>
        <div>
          <dt>Vence</dt>
          <dd>{formatDate(c.fechaVencimiento)}</dd>
        </div>
        <div>
          <dt>Condiciones de pago</dt>
          <dd>{c.condicionesPago}</dd>
        </div>
        <div>
          <dt>Tiempo de entrega</dt>
          <dd>{formatDays(c.tiempoEntrega)}</dd>
        </div>
      </dl>
      <DataTable<Linea>
        caption="Detalle por producto"
        rows={c.productos}
        rowKey={(l) => String(l.productoId)}
        empty="Sin productos."
        columns={[
          { header: 'Producto', cell: (l) => l.nombre },
          { header: 'Cantidad', cell: (l) => formatInteger(l.cantidad), numeric: true },
          { header: 'Precio unitario', cell: (l) => formatMoney(l.precioUnitario), numeric: true },
          { header: 'Subtotal', cell: (l) => formatMoney(l.subtotal), numeric: true },
          { header: 'Disponibilidad', cell: (l) => <Badge code={l.disponibilidad} /> },
        ]}
      />
      <dl className="totals" aria-label="Totales">
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(c.subtotal)}</dd>
        </div>
        <div>
          <dt>Descuentos</dt>
          <dd>−{formatMoney(c.descuentos)}</dd>
        </div>
        <div>
          <dt>IVA (19 %)</dt>
          <dd>{formatMoney(c.impuestos)}</dd>
        </div>
        <div className="totals__total">
          <dt>Total</dt>
          <dd>{formatMoney(c.total)}</dd>
        </div>
      </dl>
      {c.observaciones ? <p>Observaciones: {c.observaciones}</p> : null}
    </>
  );
}
