import type { Respuesta } from '../../api/solicitudes-schemas';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatDays, formatMoney } from '../../components/format';

export const respuestaColumns: Column<Respuesta>[] = [
  { header: 'Proveedor', cell: (r) => r.proveedorId },
  { header: 'Respuesta', cell: (r) => <Badge code={r.estado} /> },
  { header: 'Precio ofertado', cell: (r) => formatMoney(r.precioOfertado), numeric: true },
  { header: 'Entrega', cell: (r) => formatDays(r.tiempoEntrega) },
  { header: 'Condiciones de pago', cell: (r) => r.condicionesPago ?? '—' },
  { header: 'Garantía', cell: (r) => r.garantia ?? '—' },
  { header: 'Fecha', cell: (r) => formatDateTime(r.fechaRespuesta) },
];

export function RespuestasTable({ respuestas }: { respuestas: readonly Respuesta[] }) {
  return (
    <DataTable
      caption="Respuestas recibidas"
      columns={respuestaColumns}
      rows={respuestas}
      rowKey={(r) => r.id}
      empty="Todavía no hay respuestas."
    />
  );
}
