import { describe, expect, it } from 'vitest';
import { renderEmail } from '../src/domain/email-content';

describe('renderEmail', () => {
  it('prefixes the subject with [Arka]', () => {
    const email = renderEmail({ subject: 'Cotización aprobada', message: 'Hola', service: 'cotizador' });

    expect(email.subject).toBe('[Arka] Cotización aprobada');
  });

  it('uses a default subject when the message has none', () => {
    const email = renderEmail({ message: 'Hola', service: 'cotizador' });

    expect(email.subject).toBe('[Arka] Notificación');
  });

  it('keeps line breaks out of the subject', () => {
    const email = renderEmail({ subject: 'Hola\r\nBcc: victim@example.com', message: 'x', service: 's' });

    expect(email.subject).toBe('[Arka] Hola Bcc: victim@example.com');
  });

  it('escapes markup and links of a supplier name in every HTML part', () => {
    const name = '<a href="https://evil.example/">ACME</a> & <script>alert(1)</script>';

    const email = renderEmail({
      subject: `Respuesta de ${name}`,
      message: `El proveedor ${name} respondió.`,
      service: `<b>gestor</b>`,
    });

    expect(email.html).not.toContain('<a href');
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>gestor');
    expect(email.html).toContain(
      '&lt;a href=&quot;https://evil.example/&quot;&gt;ACME&lt;/a&gt; &amp; &lt;script&gt;',
    );
    expect(email.html).toContain('&lt;b&gt;gestor&lt;/b&gt;');
  });

  it('says the same in the plain-text part, unescaped', () => {
    const email = renderEmail({
      subject: 'Respuesta de <ACME & Co>',
      message: 'Primera línea\nsegunda línea\n\nOtro párrafo con "comillas"',
      service: 'gestor-solicitudes',
    });

    expect(email.text).toBe(
      'Respuesta de <ACME & Co>\n\nPrimera línea\nsegunda línea\n\nOtro párrafo con "comillas"\n\nArka · gestor-solicitudes',
    );
    expect(email.html).toContain('<p>Primera línea<br>segunda línea</p>');
    expect(email.html).toContain('<p>Otro párrafo con &quot;comillas&quot;</p>');
    expect(email.html).toContain('<h1>Respuesta de &lt;ACME &amp; Co&gt;</h1>');
  });
});
