/**
 * The Lambda entry point (bundled by the CDK app with esbuild) and, unchanged, what
 * the local event source invokes. Configuration is read and validated once, at cold
 * start; a bad environment stops the function with every problem listed.
 */
import { composeHandlerDeps } from './composition';
import { loadConfig } from './config';
import { createHandler } from './create-handler';

export const handler = createHandler(composeHandlerDeps(loadConfig(process.env)));
