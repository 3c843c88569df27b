import { useEffect, useRef, useState } from 'react';
import { MESSAGE_MAX_CHARS } from '../../../shared/messageTiming';
import type { TeammateView } from '../../../shared/statusView';
import { whenText } from '../../../shared/words';
import { run, showNotice } from '../store/store';
import { ModalFrame } from './ModalFrame';
import { useDialog } from './useDialog';

/** Takes back a scheduled message before it lands, and says what became of it. */
async function takeBack(id: string): Promise<void> {
  const result = await run('message.cancel', { id });
  showNotice(
    result.ok ? { kind: 'info', text: result.value.words } : { kind: 'error', text: result.message },
  );
}

/**
 * A Slack message to a teammate that waits for their working hours (issue #25): it goes at once while they
 * work; outside their hours it is scheduled for their next start, or sent now marked urgent. What was
 * written stays in the box until it is sent, whatever goes wrong.
 */
export function MessageDialog({
  teammate,
  zone,
  locale,
  onClose,
}: {
  teammate: TeammateView;
  zone: string;
  locale: string | undefined;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [allow, setAllow] = useState(false);
  const [sending, setSending] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useDialog(dialog, true, onClose);
  useEffect(() => box.current?.focus(), []);
  const waits = !teammate.inWorkingHours && teammate.nextAvailable !== null;
  const name = teammate.name;
  const send = async (urgent: boolean) => {
    if (!text.trim()) return setProblem('Write the message first.');
    setSending(true);
    const result = await run('message.send', { to: teammate.id, text, urgent });
    setSending(false);
    if (result.ok) {
      const scheduled = result.value.scheduledId;
      showNotice({
        kind: 'info',
        text: result.value.words,
        ...(scheduled ? { action: { label: 'Take back', run: () => void takeBack(scheduled) } } : {}),
      });
      onClose();
      return;
    }
    setAllow(result.error === 'permission_needed');
    setProblem(result.message);
  };
  const allowInSlack = async () => {
    const result = await run('integration.connect', { provider: 'slack', for: 'messages' });
    if (!result.ok) return setProblem(result.message);
    window.open(result.value.startUrl, '_blank', 'noopener');
    setAllow(false);
    setProblem('Allow it in the Slack page that opened, then press Send again. Your message is kept here.');
  };
  return (
    <ModalFrame className="message" titleId="message-title" frame={dialog}>
      <h2 id="message-title">
        Message <bdi>{name}</bdi> on Slack
      </h2>
      <p className="lead">
        {waits
          ? `${name} is outside their working hours. Sent now, it waits in Slack until they start: ${whenText(teammate.nextAvailable!, zone, Date.now(), locale)} your time, ${whenText(teammate.nextAvailable!, teammate.timeZone, Date.now(), locale)} theirs.`
          : `${name} is in their working hours: it goes at once.`}
      </p>
      <label className="field">
        Message
        <textarea
          ref={box}
          rows={4}
          maxLength={MESSAGE_MAX_CHARS}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        {allow ? (
          <button type="button" className="primary" onClick={() => void allowInSlack()}>
            Allow sending in Slack
          </button>
        ) : (
          <button type="button" className="primary" disabled={sending} onClick={() => void send(false)}>
            {waits ? `Send for when ${name} starts` : 'Send'}
          </button>
        )}
        {waits && !allow ? (
          <button type="button" disabled={sending} onClick={() => void send(true)}>
            Send now, marked urgent
          </button>
        ) : null}
        <button type="button" className="quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalFrame>
  );
}
