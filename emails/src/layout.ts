import type { Block, EmailContent } from './content.ts';
import type { EmailLocale, RenderContext, RenderedEmail } from './contract.ts';
import { html, multiline, safeHttpUrl, SafeHtml } from './html.ts';
import { defineStrings, fr } from './strings.ts';

/**
 * The one layout every email shares: a single centred column (560px at most) that reads on a
 * phone, in light and dark mode, and a plain-text part that says the same with every link
 * written out. Links whose URL is not http(s) are left out of both parts.
 */

const wording = defineStrings({
  fr: {
    greeting: (name: string | null) => (name ? fr`Bonjour ${name},` : 'Bonjour,'),
    labelled: (label: string, value: string) => fr`${label} : ${value}`,
    fallback: fr`Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :`,
    tagline: 'Mutua — la plateforme de mutualisation de votre réseau',
    preferences: 'Gérer mes notifications',
    unsubscribe: 'Se désabonner de ces e-mails',
  },
  en: {
    greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    labelled: (label: string, value: string) => `${label}: ${value}`,
    fallback: 'If the button does not work, copy this address into your browser:',
    tagline: 'Mutua — your network’s sharing platform',
    preferences: 'Manage my notifications',
    unsubscribe: 'Unsubscribe from these emails',
  },
});

// Light colours inline (what every client keeps), dark ones in the media query. Text is above 7:1
// against its background in both modes (WCAG AAA), the quote rule above 3:1. Links are underlined
// and buttons carry text, so nothing relies on colour alone.
const light = {
  page: '#f2f4f1',
  card: '#ffffff',
  text: '#1d2420',
  muted: '#434e48',
  accent: '#18574a',
  onAccent: '#ffffff',
  rule: '#7d8c85',
};
const fontStack = '-apple-system, BlinkMacSystemFont, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

const darkModeStyles = new SafeHtml(`
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    .m-page { background-color: #101412 !important; }
    .m-card { background-color: #1a201d !important; color: #e8ece9 !important; }
    .m-muted { color: #b7c2bc !important; }
    .m-link { color: #8fd8bd !important; }
    .m-quote { border-color: #6f8078 !important; }
    .m-primary { background-color: #8fd8bd !important; border-color: #8fd8bd !important; color: #0c2a20 !important; }
    .m-secondary { background-color: transparent !important; border-color: #8fd8bd !important; color: #8fd8bd !important; }
  }`);

// Keeps the inbox preview from running on into the body after the preheader.
const preheaderFiller = new SafeHtml('&#847;&zwnj;&nbsp;'.repeat(60));

const linkStyle = `color:${light.accent};text-decoration:underline;`;
const paragraphStyle = 'margin:0 0 16px;';

type RenderedBlock = { html: SafeHtml | null; text: string | null };

function renderBlock(block: Block, locale: EmailLocale): RenderedBlock {
  const t = wording[locale];
  switch (block.type) {
    case 'paragraph':
      return { html: html`<p style="${paragraphStyle}">${multiline(block.text)}</p>`, text: block.text };
    case 'heading':
      return {
        html: html`<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3;">${block.text}</h2>`,
        text: `${block.text}\n${'-'.repeat([...block.text].length)}`,
      };
    case 'quote':
      return {
        html: html`<p style="margin:0 0 4px;">${block.label}</p><blockquote class="m-quote" style="margin:0 0 16px;padding:4px 0 4px 14px;border-left:4px solid ${light.rule};">${multiline(block.text)}</blockquote>`,
        text: `${block.label}\n${block.text
          .split(/\r\n|\r|\n/)
          .map((line) => `> ${line}`)
          .join('\n')}`,
      };
    case 'details':
      return {
        html: html`<div style="${paragraphStyle}">${block.rows.map(({ label, value }) =>
          typeof value === 'string'
            ? html`<p style="margin:0 0 6px;"><strong>${t.labelled(label, '')}</strong>${value}</p>`
            : html`<p style="margin:0 0 6px;"><strong>${t.labelled(label, '')}</strong></p><ul style="margin:0 0 6px;padding-left:20px;">${value.map((line) => html`<li>${line}</li>`)}</ul>`,
        )}</div>`,
        text: block.rows
          .map(({ label, value }) =>
            typeof value === 'string'
              ? t.labelled(label, value)
              : `${t.labelled(label, '').trimEnd()}\n${value.map((line) => `- ${line}`).join('\n')}`,
          )
          .join('\n'),
      };
    case 'actions': {
      const actions = block.actions.flatMap((action) => {
        const url = safeHttpUrl(action.url);
        return url ? [{ ...action, url }] : [];
      });
      if (actions.length === 0) return { html: null, text: null };
      return {
        html: html`<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;border-collapse:separate;"><tr>${actions.map(
          (action, index) =>
            html`${index > 0 ? html`<td style="width:12px;"></td>` : null}<td>${renderButton(action.label, action.url, action.style)}</td>`,
        )}</tr></table>`,
        text: actions.map((action) => t.labelled(action.label, action.url)).join('\n'),
      };
    }
    case 'link': {
      const url = safeHttpUrl(block.url);
      if (!url) return { html: null, text: null };
      return {
        html: html`<p style="${paragraphStyle}"><a class="m-link" href="${url}" style="${linkStyle}">${block.label}</a></p>`,
        text: t.labelled(block.label, url),
      };
    }
    case 'fallbackLink': {
      const url = safeHttpUrl(block.url);
      if (!url) return { html: null, text: null };
      return {
        html: html`<p class="m-muted" style="margin:0 0 16px;font-size:14px;color:${light.muted};">${t.fallback}<br><a class="m-link" href="${url}" style="${linkStyle}word-break:break-all;">${url}</a></p>`,
        text: null,
      };
    }
    case 'list':
      return {
        html: html`<ul style="margin:0 0 16px;padding-left:20px;">${block.items.map((item) => {
          const url = safeHttpUrl(item.url);
          return html`<li style="margin:0 0 8px;">${url ? html`<a class="m-link" href="${url}" style="${linkStyle}">${item.text}</a>` : item.text}</li>`;
        })}</ul>`,
        text: block.items
          .map((item) => {
            const url = safeHttpUrl(item.url);
            return url ? `- ${item.text}\n  ${url}` : `- ${item.text}`;
          })
          .join('\n'),
      };
  }
}

function renderButton(label: string, url: string, style: 'primary' | 'secondary'): SafeHtml {
  const colours =
    style === 'primary'
      ? `background-color:${light.accent};border:2px solid ${light.accent};color:${light.onAccent};`
      : `background-color:${light.card};border:2px solid ${light.accent};color:${light.accent};`;
  return html`<a class="m-${style}" href="${url}" style="display:inline-block;padding:12px 22px;border-radius:6px;${colours}font-family:${fontStack};font-size:16px;font-weight:600;line-height:1.25;text-decoration:none;">${label}</a>`;
}

function footerLinks(context: RenderContext): Array<{ label: string; url: string }> {
  const t = wording[context.locale];
  const links = [
    { label: t.preferences, url: context.preferencesUrl },
    ...(context.unsubscribeUrl !== null ? [{ label: t.unsubscribe, url: context.unsubscribeUrl }] : []),
  ];
  return links.flatMap(({ label, url }) => {
    const safe = safeHttpUrl(url);
    return safe ? [{ label, url: safe }] : [];
  });
}

export function renderLayout(content: EmailContent, context: RenderContext): RenderedEmail {
  const { locale } = context;
  const t = wording[locale];
  const greeting: Block = { type: 'paragraph', text: t.greeting(context.recipientName) };
  const parts = [greeting, ...content.blocks].flatMap((block) => (block ? [renderBlock(block, locale)] : []));
  const publicUrl = safeHttpUrl(context.publicUrl);
  const links = footerLinks(context);

  const body = html`<!doctype html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${content.subject}</title>
<style>${darkModeStyles}</style>
</head>
<body class="m-page" style="margin:0;padding:0;background-color:${light.page};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;mso-hide:all;">${content.preheader}${preheaderFiller}</div>
<div role="article" aria-roledescription="email" aria-label="${content.subject}" lang="${locale}" dir="ltr" class="m-page" style="background-color:${light.page};padding:24px 12px;font-family:${fontStack};">
<!--[if mso]><table role="presentation" width="560" align="center" cellpadding="0" cellspacing="0"><tr><td><![endif]-->
<div style="max-width:560px;margin:0 auto;">
<p class="m-muted" style="margin:0 0 12px;padding:0 4px;font-size:20px;font-weight:700;color:${light.muted};">Mutua</p>
<div class="m-card" style="background-color:${light.card};color:${light.text};border-radius:8px;padding:28px 24px 12px;font-size:16px;line-height:1.55;">
${parts.map((part) => (part.html ? html`${part.html}\n` : null))}</div>
<div class="m-muted" style="padding:20px 4px;font-size:13px;line-height:1.5;color:${light.muted};">
<p style="margin:0 0 8px;">${publicUrl ? html`<a class="m-link" href="${publicUrl}" style="${linkStyle}">${t.tagline}</a>` : t.tagline}</p>
<p style="margin:0;">${links.map((footerLink, index) => html`${index > 0 ? ' · ' : null}<a class="m-link" href="${footerLink.url}" style="${linkStyle}">${footerLink.label}</a>`)}</p>
</div>
</div>
<!--[if mso]></td></tr></table><![endif]-->
</div>
</body>
</html>
`;

  const footerText = [
    '-- ',
    t.tagline,
    ...(publicUrl ? [publicUrl] : []),
    ...links.map(({ label, url }) => t.labelled(label, url)),
  ].join('\n');
  const text = [...parts.flatMap((part) => (part.text !== null ? [part.text] : [])), footerText].join('\n\n');

  return { subject: content.subject, text: `${text}\n`, html: body.toString() };
}
