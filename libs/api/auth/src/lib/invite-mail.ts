import { escapeHtml, NewMail } from '@kassa/api/mail';

export interface InviteMailView {
  shopName: string;
  userName: string;
  to: string;
  /** The set-password link (one-time). */
  url: string;
  expiresAt: string;
}

/** The invite as a mail: the set-password link, in HTML and plain text. */
export function inviteMail(view: InviteMailView): NewMail {
  const expires = `${view.expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
  const text = [
    `Hello ${view.userName},`,
    '',
    `You have been invited to ${view.shopName} on Kassa. Choose your password here:`,
    view.url,
    '',
    `The link works once, until ${expires}.`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.shopName)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:480px;margin:24px auto;color:#111">
<p>Hello ${escapeHtml(view.userName)},</p>
<p>You have been invited to <strong>${escapeHtml(view.shopName)}</strong> on Kassa.</p>
<p><a href="${escapeHtml(view.url)}">Choose your password</a></p>
<p style="color:#555">The link works once, until ${escapeHtml(expires)}.</p>
</body></html>`;
  return { purpose: 'invite', to: view.to, subject: `You are invited to ${view.shopName} on Kassa`, html, text };
}
