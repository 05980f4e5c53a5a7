/** What a queued mail is for (the `mail.queued` event says only this and the mail's id). */
export const MAIL_PURPOSES = ['receipt', 'invite', 'purchase_order'] as const;
export type MailPurpose = (typeof MAIL_PURPOSES)[number];
