export type { CompiledTextFormat, FormatProblem, LoadResult } from './compile';
export { compileDefinition, formatProblemText, loadFormatFile, LEVEL_OF, SERVICE_FIELDS } from './compile';
export type { LineParse, LineOptions } from './parse';
export { parseLine } from './parse';
export type { DefinitionScore } from './engine';
export { confidenceOf, definitionFormat, definitionParser, scoreDefinition } from './engine';
export { builtinTextFormats } from './builtin';
export { FormatDefinition, FormatFile } from './schema';
