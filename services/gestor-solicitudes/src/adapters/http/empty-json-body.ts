import type { ZodApp } from '@arka/kernel';

/**
 * In this plugin's scope, an empty body sent as application/json counts as no
 * body instead of malformed JSON; anything else goes to Fastify's own parser
 * (with its prototype-poisoning protection).
 */
export function allowEmptyJsonBody(app: ZodApp): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body.toString(), done);
  });
}
