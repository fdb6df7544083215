/** A backup or restore that was refused or failed, with a message meant for the operator. */
export class BackupError extends Error {
  override name = 'BackupError';
}
