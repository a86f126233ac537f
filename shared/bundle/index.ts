export * from './schema';
export * from './fileName';
export * from './serialize';
export * from './parse';
export * from './restore';
export * from './refs';
export * from './remap';
export { formatIssues, formatPath } from './issues';
export { bundleJsonSchema } from './jsonSchema';
