/** A refusal in the core's words, announced to screen readers; nothing when there is none. */
export function ErrorText({ message }: { message: string | null }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}
