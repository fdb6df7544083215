/** A polite confirmation line (empty until something was done). */
export function FormStatus({ message }: { message: string }) {
  return (
    <p role="status" className={message ? 'admin-status' : 'admin-status-empty'}>
      {message}
    </p>
  );
}
