import { refusal } from '../contract';
import { applySettingsPatch } from '../settings';
import { type CommandHandler, handled } from './command';

const NOT_SAVED = 'Those settings were not saved; nothing changed.';

export const settingsUpdate: CommandHandler<'settings.update'> = ({ settings, knowsHolidays }, { patch }) => {
  const result = applySettingsPatch(settings, patch);
  if (!result.ok) return refusal('invalid_settings', NOT_SAVED, result.problems);
  const { country, region } = result.settings.holidays;
  if (country && !knowsHolidays(country, region))
    return refusal('invalid_settings', NOT_SAVED, [
      { path: 'holidays', message: `no public holiday calendar for ${country}${region ? `-${region}` : ''}` },
    ]);
  return handled(result.settings, { settings: result.settings });
};
