export { CommentThreads } from './components/CommentThreads';
export { Markdown } from './components/Markdown';
export { useAuthorGate } from './hooks/useAuthorGate';
export { useCommentAuthor } from './hooks/useCommentAuthor';
export { useIncidentComments, useTargetThreads } from './hooks/useThreads';
