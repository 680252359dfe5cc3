/**
 * The business flow of the local platform, through the gateway alone: purchasing
 * asks three suppliers for a quotation, they answer, the best offer wins; a customer
 * quotes and approves. Shared by `npm run demo` (which prints it) and the end-to-end
 * test (which asserts on the result).
 */
import { DEMO_USERS } from './demo-users';
import { login, type Session } from './flow/gateway-client';
import { approveQuote, catalog, createQuote, customer } from './flow/cotizacion-steps';
import { checkEmails, type EmailCheck, type ExpectedEmail } from './flow/notifications-check';
import { tokenPair, type Comparacion, type Cotizacion, type Producto, type Respuesta } from './flow/schemas';
import {
  answer,
  compare,
  complete,
  referenceTotal,
  sendBulk,
  supplierEmails,
  waitUntilSent,
  type Answer,
} from './flow/solicitudes-steps';

export interface FlowOptions {
  readonly gatewayUrl: string;
  readonly password: string;
  readonly sesUrl: string;
  readonly dynaliteUrl: string;
  readonly auditTable: string;
  /** Each step, in words. */
  readonly log: (line: string) => void;
  /** Bound on each wait for asynchronous work (dispatch, emails). @default 60 s */
  readonly waitTimeoutMs?: number;
}

export interface FlowResult {
  readonly products: readonly Producto[];
  readonly grupoId: string;
  readonly sent: readonly { id: string; proveedorId: string; estado: string }[];
  readonly dispatched: readonly { id: string; proveedorId: string; estado: string }[];
  readonly answers: readonly (Respuesta & { answeredBy: string })[];
  readonly comparison: Comparacion;
  readonly completed: { id: string; estado: string };
  readonly quote: Cotizacion;
  readonly approved: Cotizacion;
  readonly emails: readonly EmailCheck[];
}

const SUPPLIERS = ['PROV001', 'PROV002', 'PROV003'];
const ANSWERS: readonly Answer[] = [
  { proveedorId: 'PROV001', estado: 'ACEPTADA', priceFactor: 0.9, tiempoEntrega: 5 },
  { proveedorId: 'PROV002', estado: 'RECHAZADA', priceFactor: 0, tiempoEntrega: 0 },
  { proveedorId: 'PROV003', estado: 'PARCIAL', priceFactor: 0.95, tiempoEntrega: 12 },
];
const money = (n: number) =>
  n.toLocaleString('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export async function runFlow(options: FlowOptions): Promise<FlowResult> {
  const { log } = options;
  const timeoutMs = options.waitTimeoutMs ?? 60_000;
  const as = (username: string) => login(options.gatewayUrl, username, options.password, tokenPair);

  log('1. compras inicia sesión en el gateway');
  const compras = await as('compras');
  const products = await catalog(await as('ventas'), 3);
  log(`   catálogo: ${products.map((p) => `${p.sku} (${money(p.precio)})`).join(', ')}`);

  log(
    `2. compras envía una solicitud de cotización de 3 productos a ${SUPPLIERS.join(', ')} (envío múltiple)`,
  );
  const emails = await supplierEmails(compras, SUPPLIERS);
  const bulk = await sendBulk(compras, SUPPLIERS, products);
  const sent = bulk.solicitudes.map((s) => ({ id: s.id, proveedorId: s.proveedorId, estado: s.estado }));
  log(
    `   grupo ${bulk.grupoId}: ${bulk.total} solicitudes ${sent.map((s) => `${s.proveedorId}=${s.estado}`).join(', ')}`,
  );
  const dispatched = (await waitUntilSent(compras, bulk.grupoId, bulk.total, timeoutMs)).map((s) => ({
    id: s.id,
    proveedorId: s.proveedorId,
    estado: s.estado,
  }));
  log(`   el despachador las envió: ${dispatched.map((s) => `${s.proveedorId}=${s.estado}`).join(', ')}`);

  log('3. cada proveedor inicia sesión y responde');
  const reference = referenceTotal(products);
  const answers: (Respuesta & { answeredBy: string })[] = [];
  for (const a of ANSWERS) {
    const target = dispatched.find((s) => s.proveedorId === a.proveedorId);
    if (target === undefined) throw new Error(`no request was sent to ${a.proveedorId}`);
    const user = DEMO_USERS.find((u) => u.role === 'PROVEEDOR' && u.boundTo === a.proveedorId);
    // A supplier without a demo login answers by phone; purchasing records it (DOMAIN.md allows COMPRAS).
    const session: Session = user === undefined ? compras : await as(user.username);
    const r = await answer(session, target.id, a, reference);
    answers.push({ ...r, answeredBy: session.username });
    log(
      `   ${a.proveedorId} (${session.username}${user === undefined ? ', en nombre del proveedor' : ''}): ` +
        `${r.estado}${r.estado === 'RECHAZADA' ? '' : ` por ${money(r.precioOfertado)}, entrega en ${r.tiempoEntrega} días`}`,
    );
  }

  log('4. comparación de ofertas del grupo');
  const comparison = await compare(compras, bulk.grupoId);
  for (const o of comparison.ofertas) {
    log(
      `   #${o.posicion} ${o.proveedorId} ${o.estado} ${money(o.precioOfertado)} en ${o.tiempoEntrega} días`,
    );
  }
  const best = comparison.mejorOferta;
  if (best === null) throw new Error('the comparison names no best offer');
  log(`   mejor oferta: ${best.proveedorId} por ${money(best.precioOfertado)}`);

  log(`5. compras completa la solicitud ganadora (${best.proveedorId})`);
  const done = await complete(compras, best.solicitudId);
  const completed = { id: done.id, estado: done.estado };
  log(`   solicitud ${completed.id}: ${completed.estado}`);

  log('6. cliente1 inicia sesión, cotiza productos del catálogo y aprueba la cotización');
  const cliente1 = await as('cliente1');
  const clienteId = DEMO_USERS.find((u) => u.username === 'cliente1')?.boundTo ?? 'CLI001';
  const buyer = await customer(cliente1, clienteId);
  const quote = await createQuote(cliente1, clienteId, products.slice(0, 2));
  log(
    `   cotización ${quote.cotizacionId} (${quote.tipoCliente}): subtotal ${money(quote.subtotal)}, ` +
      `descuentos ${money(quote.descuentos)}, IVA ${money(quote.impuestos)}, total ${money(quote.total)}, ${quote.estado}`,
  );
  const approved = await approveQuote(cliente1, quote.cotizacionId);
  log(`   cotización ${approved.cotizacionId}: ${approved.estado}`);

  log('7. correo en el buzón local y registros de auditoría');
  const expected: ExpectedEmail[] = [
    ...dispatched.map((s) => ({
      what: `solicitud a ${s.proveedorId}`,
      to: emails.get(s.proveedorId),
      subjectIncludes: s.id,
    })),
    ...answers.map((r) => ({
      what: `respuesta de ${r.proveedorId} a compras`,
      to: undefined,
      subjectIncludes: `Respuesta de ${r.proveedorId} a la solicitud ${r.solicitudId}`,
    })),
    {
      what: 'cotización creada, al cliente',
      to: buyer.email,
      subjectIncludes: `${quote.cotizacionId} creada`,
    },
    {
      what: 'cotización aprobada, a ventas',
      to: undefined,
      subjectIncludes: `${quote.cotizacionId} aprobada`,
    },
  ];
  const checks = await checkEmails(
    expected,
    { sesUrl: options.sesUrl, dynaliteUrl: options.dynaliteUrl, auditTable: options.auditTable },
    timeoutMs,
  );
  for (const c of checks) {
    log(
      `   ✉ ${c.what}: ${c.received}× "${c.subject ?? ''}" — auditoría ${c.audit?.status ?? '—'} (${c.audit?.attempts ?? 0} ${c.audit?.attempts === 1 ? 'intento' : 'intentos'})`,
    );
  }
  return {
    products,
    grupoId: bulk.grupoId,
    sent,
    dispatched,
    answers,
    comparison,
    completed,
    quote,
    approved,
    emails: checks,
  };
}
