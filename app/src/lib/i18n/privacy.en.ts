import type { privacyFr } from './privacy.fr.ts';

/** English, key for key with privacy.fr.ts. */
export const privacyEn: Record<keyof typeof privacyFr, string> = {
  'privacy.account.title': 'My personal data',
  'privacy.account.lead':
    'Download everything Mutua keeps about you, or delete your account. What is kept, and why, is explained on the Privacy page.',
  'privacy.account.download': 'Download my data (JSON)',
  'privacy.account.downloadHint':
    'A file with your profile, your sessions, your organisations, your loan requests, your messages, your notifications and your preferences. Other people are not in it.',
  'privacy.account.policyLink': 'Privacy: what we keep and why',
  'privacy.delete.title': 'Delete my account',
  'privacy.delete.lead':
    'Your account will be erased 7 days after your request. You will be signed out of all your devices at once; to cancel, simply sign in again before that date.',
  'privacy.delete.kept':
    'What remains: your organisations’ loans and requests stay in their history, without your name; your messages keep their place, without their text. Your profile, sessions, notifications and preferences are erased.',
  'privacy.delete.lastManager':
    'If you are the last manager of an organisation with loans under way, first make someone else a manager.',
  'privacy.delete.open': 'I want to delete my account',
  'privacy.delete.password': 'Your password',
  'privacy.delete.passwordHint': 'To confirm it is really you.',
  'privacy.delete.confirm': 'I understand that my account will be erased in 7 days, unless I sign in again before.',
  'privacy.delete.submit': 'Delete my account',
  'privacy.delete.wrongPassword': 'This is not your password.',
  'privacy.delete.confirmRequired': 'Tick the box to confirm.',
  'privacy.delete.blockedBy': 'Organisations concerned:',
  'privacy.scheduled.title': 'Your account is going to be deleted',
  'privacy.scheduled.when': 'It will be erased on {date}.',
  'privacy.scheduled.whenUnknown': 'It will be erased in 7 days.',
  'privacy.scheduled.signedOut': 'You are signed out of all your devices. An email confirms it.',
  'privacy.scheduled.cancel':
    'Changed your mind? Sign in again before that date: the deletion will be cancelled and your account will stay as it is.',
  'privacy.scheduled.signIn': 'Sign in again',
  'privacy.scheduled.policy': 'What is kept after the deletion',
  'privacy.page.title': 'Privacy and personal data',
  'privacy.page.lead':
    'Mutua lets the organisations of a network lend each other equipment and exchange services. Here is what the platform keeps about the people who act for those organisations, why, who sees it, for how long, and how to take it back or erase it.',
  'privacy.page.collected.title': 'What we collect',
  'privacy.page.collected.account':
    'Your account: your name, your email address, your language, and your password, kept in a form nobody can read back.',
  'privacy.page.collected.sessions':
    'Your sign-ins: when, from which browser and which IP address, so that you can see where your account is open and so that it is protected from repeated attempts.',
  'privacy.page.collected.activity':
    'What you do for your organisations: listings, loan requests and their steps, messages, answers to needs, reports.',
  'privacy.page.collected.notifications':
    'The notifications addressed to you, in the app and by email, and your preferences.',
  'privacy.page.collected.audit':
    'The log of sensitive actions: approvals, suspensions, roles, data exports and erasures, with who acted and when.',
  'privacy.page.collected.cookies':
    'Only two cookies, both needed: your session’s and your language’s. No advertising, no trackers.',
  'privacy.page.why.title': 'Why',
  'privacy.page.why.lending':
    'To run loans and services between organisations: who asks, who answers, when people meet.',
  'privacy.page.why.moderation':
    'To let the network uphold its charter (moderation, reports) and account for its decisions.',
  'privacy.page.why.impact':
    'To measure what sharing achieves: the impact figures count loans, days of use and organisations, never people.',
  'privacy.page.who.title': 'Who sees it',
  'privacy.page.who.structures':
    'The organisations you deal with see your name on requests and messages; the contact details shown are the organisation’s, not yours.',
  'privacy.page.who.admins':
    'Your networks’ admins and moderators see what they need to moderate, and their networks’ log.',
  'privacy.page.who.nobodyElse': 'Nobody else: your data is neither sold nor lent.',
  'privacy.page.howLong.title': 'For how long',
  'privacy.page.howLong.sessions': 'A session lasts 30 days at most, and ends as soon as you sign out.',
  'privacy.page.howLong.account': 'Your account, notifications and preferences: as long as your account exists.',
  'privacy.page.howLong.audit':
    'The action log is kept without limit, so that the network can account for its decisions; it names people by an identifier, not by their name or address, and an erased account has no name there any more.',
  'privacy.page.howLong.erased':
    'A deleted account is erased 7 days after the request. Loans stay in the organisations’ history and in the figures, anonymised: without your name, without what you wrote.',
  'privacy.page.rights.title': 'Your rights, and how to use them',
  'privacy.page.rights.access': 'See and take your data: “Download my data” in My account.',
  'privacy.page.rights.rectify': 'Correct your name, address or language: in My account.',
  'privacy.page.rights.erase':
    'Erase your account: “Delete my account” in My account, with 7 days to change your mind.',
  'privacy.page.rights.ask':
    'Without access to your account, or for any other request: write to your network’s admins. They can export or erase your data at your request, and each time it is recorded in the log.',
  'privacy.page.rights.cnil': 'If the answer does not satisfy you, you may complain to the CNIL (cnil.fr).',
  'privacy.page.contact.title': 'Contact',
  'privacy.page.contact.text':
    'Your network’s admins answer questions about your data: write to the network your organisation belongs to, at the address it gave you when you joined.',
  'privacy.page.accountLink': 'Go to My account',
  'privacy.footerLink': 'Privacy',
  'privacy.admin.toggle': 'Personal data, on their request',
  'privacy.admin.export': 'Export their data (JSON)',
  'privacy.admin.exportLabel': 'Export the data of {name} (JSON)',
  'privacy.admin.note': 'The request received',
  'privacy.admin.noteHint':
    'When and how the person asked. Do not write their name or address: the log keeps this note forever.',
  'privacy.admin.confirm': 'The person asked for their account to be deleted',
  'privacy.admin.submit': 'Delete their account',
  'privacy.admin.submitLabel': 'Delete the account of {name}',
  'privacy.admin.noteRequired': 'Say what request you received.',
  'privacy.admin.confirmRequired': 'Tick the box: the deletion is made at the person’s request.',
  'privacy.admin.scheduled':
    'The account of {name} will be erased on {date}. Until then, the person can cancel by signing in.',
};
