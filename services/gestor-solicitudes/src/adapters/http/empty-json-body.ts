import { jsonTextParser, type ZodApp } from '@arka/kernel';

/**
 * In this plugin's scope, an empty body sent as application/json counts as no
 * body instead of malformed JSON; anything else goes to the kernel's JSON parser
 * (Fastify's, with its prototype-poisoning protection, refusing NUL and unpaired
 * surrogates).
 */
export function allowEmptyJsonBody(app: ZodApp): void {
  const parseJson = jsonTextParser(app);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body as Buffer, done);
  });
}
