import { describe, expect, it } from 'vitest';
import { readEnv } from '../env';

describe('notification settings', () => {
  it('defaults: no e-mail, reminders 7 days before, then weekly, three at most', () => {
    const env = readEnv({});
    expect([
      env.PTCE_SMTP_URL,
      env.PTCE_MAIL_FROM,
      env.PTCE_REMIND_BEFORE_DAYS,
      env.PTCE_REMIND_OVERDUE_EVERY_DAYS,
      env.PTCE_REMIND_OVERDUE_MAX,
      env.PTCE_RESUBMIT_DAYS,
      env.PTCE_DIGEST_HOUR,
    ]).toEqual([undefined, undefined, 7, 7, 3, 15, 6]);
  });

  it('takes smtp:// and smtps:// with a sender, and refuses anything else', () => {
    const from = 'PTCE Suivi <suivi@example.org>';
    expect(
      readEnv({ PTCE_SMTP_URL: 'smtps://u:p@mail.example.org:465', PTCE_MAIL_FROM: from })
        .PTCE_SMTP_URL,
    ).toBe('smtps://u:p@mail.example.org:465');
    expect(() => readEnv({ PTCE_SMTP_URL: 'smtp://mail.example.org' })).toThrow(
      /PTCE_MAIL_FROM: required with PTCE_SMTP_URL/,
    );
    expect(() =>
      readEnv({ PTCE_SMTP_URL: 'https://mail.example.org', PTCE_MAIL_FROM: from }),
    ).toThrow(/PTCE_SMTP_URL/);
    expect(() => readEnv({ PTCE_DIGEST_HOUR: '24' })).toThrow(/PTCE_DIGEST_HOUR/);
    expect(() => readEnv({ PTCE_REMIND_OVERDUE_MAX: '-1' })).toThrow(/PTCE_REMIND_OVERDUE_MAX/);
  });
});
