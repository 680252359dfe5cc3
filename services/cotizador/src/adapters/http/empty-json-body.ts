import { jsonTextParser, type ZodApp } from '@arka/kernel';

/**
 * The Java system's clients send `PUT …/estado?nuevoEstado=X` with a JSON content
 * type and an empty body. In this scope an empty JSON body reads as "no body"
 * instead of Fastify's 400; anything else goes to the kernel's JSON parser.
 */
const isJsonWhitespace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

export function acceptEmptyJsonBody(scope: ZodApp): void {
  const parseJson = jsonTextParser(scope);
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.every(isJsonWhitespace)) {
      done(null, null);
      return;
    }
    parseJson(request, bytes, done);
  });
}
