import { awayClear } from './awayClear';
import { awaySet } from './awaySet';
import type { CommandHandler, DocumentCommand } from './command';
import { focusExtend } from './focusExtend';
import { focusCancel, focusMove } from './focusPlanned';
import { goalSkip, goalStart } from './goalSkip';
import { focusStart } from './focusStart';
import { focusStop } from './focusStop';
import { lunchDone } from './lunchDone';
import { lunchSkip } from './lunchSkip';
import { lunchSnooze } from './lunchSnooze';
import { lunchStart } from './lunchStart';
import { notify } from './notify';
import { nudgeAnswer } from './nudgeAnswer';
import { prioritiesTick } from './prioritiesTick';
import { settingsUpdate } from './settingsUpdate';
import { shutdownBegin } from './shutdownBegin';
import { shutdownComplete } from './shutdownComplete';
import { shutdownSnooze } from './shutdownSnooze';
import { shutdownUndo } from './shutdownUndo';
import { teammatesAdd } from './teammatesAdd';
import { teammatesEdit } from './teammatesEdit';
import { teammatesRemove } from './teammatesRemove';

/** Every command that changes Cadence's documents, by name: a new command is one file and one line here. */
export const commandHandlers: { [C in DocumentCommand]: CommandHandler<C> } = {
  'focus.start': focusStart,
  'focus.extend': focusExtend,
  'focus.stop': focusStop,
  'focus.cancel': focusCancel,
  'focus.move': focusMove,
  'goal.skip': goalSkip,
  'goal.start': goalStart,
  'nudge.answer': nudgeAnswer,
  'priorities.tick': prioritiesTick,
  'lunch.start': lunchStart,
  'lunch.snooze': lunchSnooze,
  'lunch.skip': lunchSkip,
  'lunch.done': lunchDone,
  'shutdown.begin': shutdownBegin,
  'shutdown.snooze': shutdownSnooze,
  'shutdown.complete': shutdownComplete,
  'shutdown.undo': shutdownUndo,
  'away.set': awaySet,
  'away.clear': awayClear,
  'settings.update': settingsUpdate,
  'teammates.add': teammatesAdd,
  'teammates.remove': teammatesRemove,
  'teammates.edit': teammatesEdit,
  notify,
};
