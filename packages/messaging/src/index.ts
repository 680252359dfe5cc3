export * from './topology';
export * from './notification';
export * from './ports';
