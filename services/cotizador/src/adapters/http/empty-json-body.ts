import { jsonTextParser, type ZodApp } from '@arka/kernel';

/**
 * The Java system's clients send `PUT …/estado?nuevoEstado=X` with a JSON content
 * type and an empty body. In this scope an empty JSON body reads as "no body"
 * instead of Fastify's 400; anything else goes to the kernel's JSON parser.
 */
export function acceptEmptyJsonBody(scope: ZodApp): void {
  const parseJson = jsonTextParser(scope);
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, null);
      return;
    }
    parseJson(request, text, done);
  });
}
