import { request } from 'node:http';

/**
 * GET `url` (plain http) and resolve with the response status once its body is read,
 * or undefined when nothing answers within `timeoutMs`. node:http rather than fetch:
 * the supervisor runs as long as the platform, and fetch would load undici into it
 * for good only to ask a few local servers whether they answer.
 */
export function httpStatus(url: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
      response.once('close', () => resolve(undefined));
    });
    const timer = setTimeout(() => req.destroy(), timeoutMs);
    req.once('close', () => clearTimeout(timer));
    req.once('error', () => resolve(undefined));
    req.end();
  });
}
