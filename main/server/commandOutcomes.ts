import { type ApiResult, refusal } from '../../shared/contract';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
/** How many outcomes are remembered: far more than a window has commands in flight. */
const REMEMBERED = 200;

/**
 * What became of the commands sent lately, by the id their client gave each. A window whose answer was
 * lost (the connection dropped while the command ran) asks again with the same id and gets what was
 * done the first time, instead of having it done twice. A Cadence started since the first asking cannot
 * know whether it was done, and says so rather than doing it again.
 */
export class CommandOutcomes {
  private readonly outcomes = new Map<string, Promise<ApiResult<unknown>>>();

  constructor(readonly instance: string) {}

  run(
    name: string,
    request: string | undefined,
    sentTo: string | undefined,
    work: () => ApiResult<unknown> | Promise<ApiResult<unknown>>,
  ): Promise<ApiResult<unknown>> {
    if (request === undefined || !REQUEST_ID.test(request)) return Promise.resolve(work());
    const key = `${name} ${request}`;
    const known = this.outcomes.get(key);
    if (known) return known;
    if (sentTo !== undefined && sentTo !== this.instance)
      return Promise.resolve(
        refusal(
          'outcome_unknown',
          'Cadence restarted before it answered, so whether that was done is not known. What you see now is what Cadence has: do it again if it is not there.',
        ),
      );
    const outcome = Promise.resolve(work());
    this.outcomes.set(key, outcome);
    if (this.outcomes.size > REMEMBERED) {
      const oldest = this.outcomes.keys().next();
      if (!oldest.done) this.outcomes.delete(oldest.value);
    }
    return outcome;
  }
}
