/** The clock and id source of the use cases, injected so tests can pin them. */
export interface Runtime {
  now(): Date;
  /** A new random UUID. */
  newId(): string;
}
