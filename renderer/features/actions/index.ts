export { ActionsPanel } from './components/ActionsPanel';
export { AllActionsView } from './components/AllActionsView';
export { ActionCounts } from './components/ActionCounts';
export { useActionItems } from './hooks/useActionItems';
export { useOpenActionCounts } from './hooks/useActionData';
