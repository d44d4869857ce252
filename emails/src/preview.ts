import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { html } from './html.ts';
import {
  emailKinds,
  emailLocales,
  renderEmail,
  sampleContext,
  sampleInputs,
  type EmailKind,
  type EmailLocale,
} from './index.ts';

/** Renders every kind in both languages from the samples into emails/preview/ (git-ignored), with an index. */

const folder = fileURLToPath(new URL('../preview/', import.meta.url));
mkdirSync(folder, { recursive: true });

function renderSample<K extends EmailKind>(kind: K, locale: EmailLocale) {
  return renderEmail(kind, sampleInputs[kind], sampleContext(locale));
}

let written = 0;
const rows = emailKinds.map((kind) => {
  const cells = emailLocales.map((locale) => {
    const email = renderSample(kind, locale);
    writeFileSync(`${folder}${kind}.${locale}.html`, email.html);
    // The byte order mark makes a browser read the .txt opened from the disk as UTF-8.
    writeFileSync(`${folder}${kind}.${locale}.txt`, `\ufeffSubject: ${email.subject}\n\n${email.text}`);
    written += 2;
    // Relative links: the index is opened from the disk, and the html tag only lets http(s) into an href.
    return html`<td lang="${locale}">${email.subject}<br><small><a href="./${kind}.${locale}.html">HTML</a> · <a href="./${kind}.${locale}.txt">texte</a></small></td>`;
  });
  return html`<tr><th scope="row"><code>${kind}</code></th>${cells}</tr>\n`;
});

const index = html`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Mutua — aperçu des e-mails</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.4}table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #8884}</style></head>
<body>
<h1>Aperçu des e-mails</h1>
<p>${emailKinds.length} modèles, en français et en anglais, rendus avec les données d’exemple (<code>sampleInputs</code>).</p>
<table><thead><tr><th scope="col">Modèle</th><th scope="col">Français</th><th scope="col">English</th></tr></thead>
<tbody>
${rows}</tbody></table>
</body>
</html>
`;
writeFileSync(`${folder}index.html`, index.toString());
written += 1;

console.log(`Wrote ${written} files to ${folder}`);
