export { SessionBar } from './session-bar.tsx';
export { SupportersBoard } from './supporters-board.tsx';
