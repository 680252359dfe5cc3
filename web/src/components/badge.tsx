import { label } from './labels';

/** A state or availability code with its Spanish label; the colour is never the only cue. */
export function Badge({ code }: { code: string }) {
  return <span className={`badge badge--${code.toLowerCase()}`}>{label(code)}</span>;
}
