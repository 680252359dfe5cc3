import type { Comparacion } from '../../api/solicitudes-schemas';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { formatDays, formatMoney } from '../../components/format';

type Oferta = Comparacion['ofertas'][number];

/**
 * The group's current offers in the API's ranking. The best one is marked in
 * words as well as colour, so it does not depend on seeing the highlight.
 */
export function ComparacionTable({ comparacion }: { comparacion: Comparacion }) {
  const mejor = comparacion.mejorOferta?.id;
  return (
    <>
      {comparacion.mejorOferta === null ? (
        <p className="empty">Todavía no hay ofertas aceptadas o parciales para comparar.</p>
      ) : (
        <p className="best-summary" role="status">
          Mejor oferta: <strong>{comparacion.mejorOferta.proveedorId}</strong> con{' '}
          {formatMoney(comparacion.mejorOferta.precioOfertado)} en{' '}
          {formatDays(comparacion.mejorOferta.tiempoEntrega)}.
        </p>
      )}
      <DataTable<Oferta>
        caption={`Ofertas (${comparacion.totalOfertas} de ${comparacion.totalSolicitudes} solicitudes)`}
        rows={comparacion.ofertas}
        rowKey={(o) => o.id}
        rowClass={(o) => (o.id === mejor ? 'best' : undefined)}
        empty="Sin ofertas."
        columns={[
          {
            header: 'Puesto',
            cell: (o) => (o.id === mejor ? `${o.posicion} · Mejor oferta` : String(o.posicion)),
          },
          { header: 'Proveedor', cell: (o) => o.proveedorId },
          { header: 'Respuesta', cell: (o) => <Badge code={o.estado} /> },
          { header: 'Precio ofertado', cell: (o) => formatMoney(o.precioOfertado), numeric: true },
          { header: 'Entrega', cell: (o) => formatDays(o.tiempoEntrega) },
          { header: 'Condiciones de pago', cell: (o) => o.condicionesPago ?? '—' },
          { header: 'Garantía', cell: (o) => o.garantia ?? '—' },
        ]}
      />
    </>
  );
}
