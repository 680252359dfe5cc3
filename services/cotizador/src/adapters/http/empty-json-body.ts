import { errors, type ZodApp } from '@arka/kernel';

/**
 * The Java system's clients send `PUT …/estado?nuevoEstado=X` with a JSON content
 * type and an empty body. In this scope an empty JSON body reads as "no body"
 * instead of Fastify's 400; anything else must still be valid JSON.
 */
export function acceptEmptyJsonBody(scope: ZodApp): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, null);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(errors.malformedBody('The body is not valid JSON.'), undefined);
    }
  });
}
