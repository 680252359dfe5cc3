import { formatInteger } from './format';

interface PaginationProps {
  /** Zero-based, as the API counts. */
  readonly page: number;
  readonly totalPages: number;
  readonly totalElements: number;
  readonly onPage: (page: number) => void;
  /** Names the list, so two paginations on one page stay distinct. */
  readonly label: string;
}

/** Previous / next over a page of the API; shows pages counted from 1. */
export function Pagination({ page, totalPages, totalElements, onPage, label }: PaginationProps) {
  const last = Math.max(totalPages - 1, 0);
  return (
    <nav className="pagination" aria-label={`Paginación de ${label}`}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 0}>
        Anterior
      </button>
      <span aria-live="polite">
        Página {formatInteger(Math.min(page + 1, last + 1))} de {formatInteger(last + 1)} ·{' '}
        {formatInteger(totalElements)} en total
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= last}>
        Siguiente
      </button>
    </nav>
  );
}
