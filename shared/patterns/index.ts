export { DEFAULT_MINER_OPTIONS, PatternMiner } from './miner';
export type { MinedTemplates, MinerOptions } from './miner';
export { PatternCollector } from './collect';
export type { CollectorOptions, MinedPattern, PatternInput, PatternResult, PatternStats } from './collect';
export { fitsTemplate, isVariable, patternKey, splitTokens, WILDCARD } from './tokens';
export { mergeVariableColumns } from './merge';
export { incidentWindow, isNewInWindow } from './window';
export type { IncidentWindow } from './window';
