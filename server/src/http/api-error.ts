import { ERROR_MESSAGES, type Lang } from '@ptce/shared/error-messages';
import { ERROR_STATUS, type ErrorCode, type ErrorIssue } from '@ptce/shared/errors.schema';

/** A known failure, turned into the error envelope by the app's `onError`. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly messages?: Partial<Record<Lang, string>>,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(messages?.en ?? ERROR_MESSAGES[code].en);
    this.status = ERROR_STATUS[code];
  }

  /** The envelope in `lang`, falling back to the code's default message. */
  toEnvelope(lang: Lang) {
    const message = this.messages?.[lang] ?? ERROR_MESSAGES[this.code][lang];
    return {
      error: { code: this.code, message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}
