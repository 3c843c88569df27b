import { MINUTE, parseInstant } from '../clockTime';
import { refusal } from '../contract';
import { UNDO_CLOSE_MINUTES } from '../closing';
import { type CommandHandler, handled } from './command';

/**
 * Reopens the day closed last, within a few minutes of closing it: its record goes, and a focus block
 * the closing stopped runs on. Later, the closed day stands (tomorrow's priorities are set by then).
 */
export const shutdownUndo: CommandHandler<'shutdown.undo'> = ({ intents, now }) => {
  const record = intents.shutdowns.reduce<(typeof intents.shutdowns)[number] | null>(
    (latest, item) => (!latest || item.completedAt > latest.completedAt ? item : latest),
    null,
  );
  if (!record) return refusal('conflict', 'There is no closed day to reopen.');
  if (now - parseInstant(record.completedAt) > UNDO_CLOSE_MINUTES * MINUTE)
    return refusal(
      'conflict',
      `A closed day can be reopened only in the first ${UNDO_CLOSE_MINUTES} minutes after closing it.`,
    );
  return handled(
    { workday: record.date },
    {
      intents: {
        ...intents,
        shutdowns: intents.shutdowns.filter((item) => item !== record),
        focus: intents.focus.map((block) => {
          if (block.stoppedAt !== record.completedAt) return block;
          const { stoppedAt: _stopped, ...running } = block;
          return running;
        }),
      },
    },
  );
};
