import { isDayClosed } from '../availability';
import { refusal } from '../contract';
import { type CommandHandler, handled } from './command';
import { closingWorkday, manualShutdownPrompt } from './workdays';

export const shutdownBegin: CommandHandler<'shutdown.begin'> = ({ intents, settings, now }) => {
  const workday = closingWorkday(now, settings);
  if (isDayClosed(workday, intents)) return refusal('conflict', 'You already closed this workday.');
  const prompt = manualShutdownPrompt(workday, settings);
  return handled(prompt, { effects: [{ kind: 'prompt', prompt }] });
};
